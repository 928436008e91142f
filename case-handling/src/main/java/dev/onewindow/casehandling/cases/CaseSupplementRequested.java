package dev.onewindow.casehandling.cases;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.supplement-requested} (补正, 一次性告知): every missing item at once; during review the clock pauses. */
public record CaseSupplementRequested(@JsonUnwrapped CaseFacts facts, SupplementRequest.Phase phase,
        List<SupplementRequest.Item> items, boolean clockPaused) {
}
