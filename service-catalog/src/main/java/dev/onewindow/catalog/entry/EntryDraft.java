package dev.onewindow.catalog.entry;

import java.util.List;

import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.ServiceItem;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The input of drafting an entry version, as an editor or the demo data gives it, with the single-field limits of
 * an editor's request (Bean Validation; the rules that span fields are {@link EntryContent#check()}).
 * {@code basicCode} and {@code departmentCode} are needed to create an entry; {@code applicantTypes} and
 * {@code topics} may be left out: they then default to the service item's. {@code crossProvince} and
 * {@code proactive} left out are false. {@code formFields} (the application form) may be left out: none.
 */
public record EntryDraft(
        @Pattern(regexp = Codes.BASIC) String basicCode,
        @Pattern(regexp = Codes.DEPARTMENT) String departmentCode,
        @NotBlank @Size(max = Limits.NAME) String name,
        @Size(max = Limits.TEXT) String description,
        @Size(max = Limits.TEXT) String acceptanceConditions,
        @Size(max = Limits.APPLICANT_TYPES) List<@NotNull ApplicantType> applicantTypes,
        @Size(max = Limits.TOPICS) List<@NotBlank @Size(max = Limits.TOPIC) String> topics,
        @NotNull @Size(max = Limits.MATERIALS) List<@NotNull @Valid Material> materials,
        @NotNull @Min(0) @Max(Limits.LIMIT_DAYS) Integer statutoryLimitDays,
        @NotNull @Min(0) @Max(Limits.LIMIT_DAYS) Integer promisedLimitDays,
        @Valid Fee fee,
        @NotNull @Min(Limits.ONLINE_DEPTH_MIN) @Max(Limits.ONLINE_DEPTH_MAX) Integer onlineDepth,
        @NotNull @Min(0) @Max(Limits.VISITS) Integer visits,
        Boolean crossProvince,
        Boolean proactive,
        @Valid AutoApproval autoApproval,
        @NotNull @Valid Result result,
        @NotNull @Size(min = 1, max = Limits.STEPS) List<@NotNull @Valid ProcessStep> steps,
        @Size(max = Limits.FORM_FIELDS) List<@NotNull @Valid FormField> formFields) {

    public EntryDraft {
        crossProvince = Boolean.TRUE.equals(crossProvince);
        proactive = Boolean.TRUE.equals(proactive);
    }

    EntryContent toContent(ServiceItem item) {
        return new EntryContent(name, description, acceptanceConditions,
                applicantTypes == null || applicantTypes.isEmpty() ? item.applicantTypes() : applicantTypes,
                topics == null ? item.topics() : topics, materials, statutoryLimitDays, promisedLimitDays, fee,
                onlineDepth, visits, crossProvince, proactive, autoApproval, result, steps, formFields);
    }
}
