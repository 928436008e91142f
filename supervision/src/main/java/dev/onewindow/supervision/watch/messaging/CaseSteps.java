package dev.onewindow.supervision.watch.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;

/**
 * 环节时限: the catalog entry version's process steps ({@code steps} of {@code case.accepted}), each watched on its own
 * limit, mapped to the case's states (docs/domain.md, "supervision"): the first step ({@link Phases#STEP1}) runs from
 * acceptance — the handling clock's start — until the review starts ({@code case.review-started}); the further steps
 * together ({@link Phases#STEP2}, their limits summed: 审查 5 + 决定 4 = 9 working days) from the start of review to
 * the decision ({@code case.approved}, {@code case.denied}), since the approver decides a case that is in review and
 * there is no state between. An entry of one step: {@code STEP1} until the decision. The step clocks pause, resume and
 * extend with the handling clock; each raises {@code STEP_OVER_LIMIT} once when it runs over, never a warning.
 */
final class CaseSteps {

    private static final String REVIEW_LIMIT = "review-step-limit:";
    private static final List<String> STEPS = List.of(Phases.STEP1, Phases.STEP2);

    private CaseSteps() {
    }

    /** One step as {@code case.accepted} carries it. */
    record StepFacts(String name, Integer limitDays) {
    }

    /** At acceptance: the first step starts with the handling clock; the review step's limit is kept for later. */
    static void accepted(WatchService.Step step, String department, List<StepFacts> steps, Instant start) {
        List<Integer> limits = steps == null ? List.of() : steps.stream().filter(Objects::nonNull)
                .map(StepFacts::limitDays).filter(Objects::nonNull).toList();
        if (limits.isEmpty()) {
            return; // an entry version without steps, or an event published before v1 added them
        }
        step.startWithoutWarning(Phases.STEP1, department, WorkClock.start(start, Limit.workingDays(limits.get(0))));
        if (limits.size() > 1) {
            step.remember(REVIEW_LIMIT + limits.subList(1, limits.size()).stream().mapToInt(Integer::intValue).sum());
        }
    }

    /** The review starts: the first step ends and the review step begins (an entry of one step: nothing changes). */
    static void reviewStarted(WatchService.Step step, String department, Instant at) {
        step.facts(REVIEW_LIMIT).stream().findFirst().ifPresent(fact -> {
            step.stop(Phases.STEP1, at);
            int limit = Integer.parseInt(fact.substring(REVIEW_LIMIT.length()));
            step.startWithoutWarning(Phases.STEP2, department, WorkClock.start(at, Limit.workingDays(limit)));
        });
    }

    /** The decision (or any ending) stops the running step. */
    static void ended(WatchService.Step step, Instant at) {
        STEPS.forEach(phase -> step.stop(phase, at));
    }

    static void pause(WatchService.Step step, String reason, Instant at) {
        STEPS.forEach(phase -> step.pause(phase, reason, at));
    }

    static void resume(WatchService.Step step, Instant at) {
        STEPS.forEach(phase -> step.resume(phase, at));
    }

    static void extend(WatchService.Step step, Limit added, Instant at) {
        STEPS.forEach(phase -> step.extend(phase, added, at));
    }
}
