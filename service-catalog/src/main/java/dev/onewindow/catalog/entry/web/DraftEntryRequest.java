package dev.onewindow.catalog.entry.web;

import java.util.List;

import dev.onewindow.catalog.entry.EntryDraft;
import dev.onewindow.catalog.entry.web.EntryParts.AutoApproval;
import dev.onewindow.catalog.entry.web.EntryParts.Fee;
import dev.onewindow.catalog.entry.web.EntryParts.FormField;
import dev.onewindow.catalog.entry.web.EntryParts.Material;
import dev.onewindow.catalog.entry.web.EntryParts.ProcessStep;
import dev.onewindow.catalog.entry.web.EntryParts.Result;
import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.platform.text.MultiLineText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of drafting an entry version (POST to create, PUT to edit the draft). Its fields are those of
 * {@code EntryResponse} that an editor sets; {@code basicCode} and {@code departmentCode} are required to create and
 * must be left out or unchanged when editing. The demo data has the same shape ({@link EntryDraft}, same limits).
 * Every string is single-line plain text (the platform's text policy) but the description and the acceptance
 * conditions, which take line breaks and tabs.
 */
@Schema(description = "An entry version as an editor drafts it. `basicCode` and `departmentCode` are required to "
        + "create the entry and must be left out or unchanged when editing; `applicantTypes` and `topics` left out "
        + "default to the service item's. `formFields` (the application form, names unique) left out is none.")
public record DraftEntryRequest(
        @Size(max = Codes.BASIC_LENGTH) @Pattern(regexp = Codes.BASIC,
                message = "item type (XK, QR, JF, JL, CJ, ZS, QT or GG) + 5-digit main item + 3-digit sub-item")
        String basicCode,
        @Size(max = Codes.DEPARTMENT_MAX)
        @Pattern(regexp = Codes.DEPARTMENT, message = "2-20 upper-case letters or digits") String departmentCode,
        @NotBlank @Size(max = Limits.NAME) String name,
        @MultiLineText @Size(max = Limits.TEXT) String description,
        @MultiLineText @Size(max = Limits.TEXT) String acceptanceConditions,
        @Size(max = Limits.APPLICANT_TYPES) List<@NotNull ApplicantType> applicantTypes,
        @Size(max = Limits.TOPICS) @ArraySchema(maxItems = Limits.TOPICS, schema = @Schema(maxLength = Limits.TOPIC))
        List<@NotBlank @Size(max = Limits.TOPIC) String> topics,
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
        @Size(max = Limits.FORM_FIELDS) @ArraySchema(maxItems = Limits.FORM_FIELDS)
        List<@NotNull @Valid FormField> formFields) {

    public EntryDraft toDraft() {
        return new EntryDraft(basicCode, departmentCode, name, description, acceptanceConditions, applicantTypes,
                topics, materials.stream().map(Material::toDomain).toList(), statutoryLimitDays,
                promisedLimitDays, fee == null ? null : fee.toDomain(), onlineDepth, visits, crossProvince,
                proactive, autoApproval == null ? null : autoApproval.toDomain(), result.toDomain(),
                steps.stream().map(ProcessStep::toDomain).toList(),
                formFields == null ? null : formFields.stream().map(FormField::toDomain).toList());
    }
}
