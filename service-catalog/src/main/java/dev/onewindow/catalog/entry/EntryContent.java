package dev.onewindow.catalog.entry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.InvalidInputException;

/**
 * What one version of an implementation list entry says (实施清单要素): everything an applicant, a window officer and
 * case-handling need, frozen when the version is published. {@link #check()} enforces the rules that span fields.
 */
public record EntryContent(
        String name,
        String description,
        String acceptanceConditions,
        List<ApplicantType> applicantTypes,
        List<String> topics,
        List<Material> materials,
        int statutoryLimitDays,
        int promisedLimitDays,
        Fee fee,
        int onlineDepth,
        int visits,
        boolean crossProvince,
        boolean proactive,
        AutoApproval autoApproval,
        Result result,
        List<ProcessStep> steps,
        List<FormField> formFields) {

    /** Content without an application form definition. */
    public EntryContent(String name, String description, String acceptanceConditions,
            List<ApplicantType> applicantTypes, List<String> topics, List<Material> materials, int statutoryLimitDays,
            int promisedLimitDays, Fee fee, int onlineDepth, int visits, boolean crossProvince, boolean proactive,
            AutoApproval autoApproval, Result result, List<ProcessStep> steps) {
        this(name, description, acceptanceConditions, applicantTypes, topics, materials, statutoryLimitDays,
                promisedLimitDays, fee, onlineDepth, visits, crossProvince, proactive, autoApproval, result, steps,
                List.of());
    }

    public EntryContent {
        applicantTypes = List.copyOf(applicantTypes);
        topics = topics == null ? List.of() : List.copyOf(topics);
        materials = materials == null ? List.of() : List.copyOf(materials);
        fee = fee == null ? Fee.FREE : fee;
        autoApproval = autoApproval == null ? AutoApproval.DISABLED : autoApproval;
        steps = steps == null ? List.of() : List.copyOf(steps);
        formFields = formFields == null ? List.of() : List.copyOf(formFields);
    }

    /** 即办件: completed the same working day it is accepted. */
    public boolean immediate() {
        return promisedLimitDays == 0;
    }

    /**
     * The rules that span fields of an entry (docs/domain.md, section "service-catalog"); single-field limits
     * are Bean Validation constraints of the input ({@link EntryDraft}, and the API's request records).
     *
     * @throws InvalidInputException naming the rule that is broken
     */
    public EntryContent check() {
        List<String> problems = new ArrayList<>();
        if (applicantTypes.isEmpty()) {
            problems.add("at least one applicant type is needed");
        }
        if (statutoryLimitDays < 0 || promisedLimitDays < 0) {
            problems.add("limits cannot be negative");
        }
        if (promisedLimitDays > statutoryLimitDays) {
            throw DomainException.invalid("PROMISED_EXCEEDS_STATUTORY", "the promised limit (" + promisedLimitDays
                    + " working days) cannot exceed the statutory limit (" + statutoryLimitDays + ")");
        }
        if (onlineDepth < 1 || onlineDepth > 4) {
            problems.add("onlineDepth must be 1-4");
        }
        if (visits < 0 || visits > 2) {
            problems.add("visits must be 0, 1 or 2");
        }
        if (onlineDepth == 4 && visits > 0) {
            problems.add("全程网办 (onlineDepth 4) needs no visit: visits must be 0");
        }
        if (steps.isEmpty()) {
            problems.add("at least one process step is needed");
        }
        int stepDays = steps.stream().mapToInt(ProcessStep::limitDays).sum();
        if (stepDays > promisedLimitDays) {
            throw DomainException.invalid("STEP_LIMITS_EXCEED_PROMISED", "the steps' limits add up to " + stepDays
                    + " working days, more than the promised limit of " + promisedLimitDays);
        }
        Set<String> codes = new HashSet<>();
        for (Material material : materials) {
            if (!codes.add(material.code())) {
                problems.add("material code " + material.code() + " is used twice");
            }
            if (!material.isRequired() && (material.condition() == null || material.condition().isBlank())) {
                problems.add("conditional material " + material.code() + " needs a condition saying when it is needed");
            }
        }
        Set<String> fieldNames = new HashSet<>();
        for (FormField field : formFields) {
            if (!fieldNames.add(field.name())) {
                problems.add("form field " + field.name() + " is defined twice");
            }
            if (field.personal() == null) {
                problems.add("form field " + field.name() + " must say whether it is personal information");
            }
        }
        if (fee.isFree() && fee.amount().signum() != 0) {
            problems.add("a free entry has no fee amount");
        }
        if (!fee.isFree() && (fee.amount().signum() <= 0 || fee.basis() == null || fee.basis().isBlank())) {
            problems.add("a fee needs a positive amount and its basis (收费依据)");
        }
        if (result.kind() == ResultKind.LICENSE && result.licenseType() == null) {
            problems.add("a LICENSE result needs licenseType");
        }
        if (result.kind() == ResultKind.DOCUMENT && result.licenseType() != null) {
            problems.add("a DOCUMENT result has no licenseType");
        }
        if (autoApproval.isEnabled()) {
            if (autoApproval.rules().isEmpty() || autoApproval.ruleSetVersion() == null) {
                problems.add("auto-approval needs a rule set version and at least one rule");
            }
            autoApproval.rules().stream().map(ApprovalRule::problem).filter(p -> p != null).forEach(problems::add);
        } else if (!autoApproval.rules().isEmpty()) {
            problems.add("rules are given but auto-approval is not enabled");
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid("INVALID_ENTRY", String.join("; ", problems)).with("problems", problems);
        }
        return this;
    }
}
