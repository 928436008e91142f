package dev.onewindow.catalog.entry.web;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.onewindow.catalog.entry.ResultKind;
import dev.onewindow.catalog.entry.RuleType;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The parts of an entry version as the API takes and shows them: {@link DraftEntryRequest} and
 * {@link EntryResponse} are made of these. Each maps to and from the domain's value of the same name, so the
 * domain can change without changing the published shapes (docs/service-contracts.md, "service-catalog →
 * everyone"). Their limits are the request's validation and, for answers, the documented bounds.
 */
public final class EntryParts {

    private EntryParts() {
    }

    @Schema(description = "An application material (申请材料). `required=false` makes it conditional: `condition` says "
            + "when it is needed. An applicant holding a valid e-license of one of `acceptedLicenseTypes` need not "
            + "submit it.")
    public record Material(
            @NotBlank @Size(max = Codes.MATERIAL_MAX)
            @Pattern(regexp = Codes.MATERIAL, message = "1-10 upper-case letters or digits") String code,
            @NotBlank @Size(max = Limits.MATERIAL_NAME) String name,
            @NotNull Boolean required,
            @Size(max = Limits.NOTE) String condition,
            @Min(0) @Max(Limits.COPIES) Integer originals,
            @Min(0) @Max(Limits.COPIES) Integer copies,
            @Size(max = Limits.NOTE) String formTemplate,
            @Size(max = Limits.LICENSE_TYPES)
            @ArraySchema(maxItems = Limits.LICENSE_TYPES, schema = @Schema(maxLength = Codes.LICENSE_TYPE_MAX,
                    pattern = Codes.LICENSE_TYPE))
            List<@NotNull @Pattern(regexp = Codes.LICENSE_TYPE) String> acceptedLicenseTypes) {

        static Material of(dev.onewindow.catalog.entry.Material m) {
            return new Material(m.code(), m.name(), m.required(), m.condition(), m.originals(), m.copies(),
                    m.formTemplate(), m.acceptedLicenseTypes());
        }

        dev.onewindow.catalog.entry.Material toDomain() {
            return new dev.onewindow.catalog.entry.Material(code, name, required, condition, originals, copies,
                    formTemplate, acceptedLicenseTypes);
        }
    }

    @Schema(description = "A field of the application form (申请表): `name` is its key in the applicant's `formData`, "
            + "`label` what the applicant reads. `personal: true` marks personal information (an ID number, a "
            + "person's name, an address …): case-handling stores such values encrypted and shows them masked. "
            + "`required` left out is false.")
    public record FormField(
            @NotBlank @Size(max = Codes.FORM_FIELD_NAME_MAX)
            @Pattern(regexp = Codes.FORM_FIELD_NAME, message = "a letter or _, then up to 63 letters, digits, _ or -")
            String name,
            @NotBlank @Size(max = Limits.FORM_FIELD_LABEL) String label,
            @NotNull @Schema(description = "Whether the value is personal information; must be stated")
            Boolean personal,
            Boolean required) {

        static FormField of(dev.onewindow.catalog.entry.FormField field) {
            return new FormField(field.name(), field.label(), field.isPersonal(), field.required());
        }

        dev.onewindow.catalog.entry.FormField toDomain() {
            return new dev.onewindow.catalog.entry.FormField(name, label, personal, required);
        }
    }

    @Schema(description = "A step of the process (办理环节, e.g. 受理 / 审查 / 决定) with its own limit in working days.")
    public record ProcessStep(
            @NotBlank @Size(max = Limits.STEP_NAME) String name,
            @NotNull @Min(0) @Max(Limits.LIMIT_DAYS) Integer limitDays) {

        static ProcessStep of(dev.onewindow.catalog.entry.ProcessStep step) {
            return new ProcessStep(step.name(), step.limitDays());
        }

        dev.onewindow.catalog.entry.ProcessStep toDomain() {
            return new dev.onewindow.catalog.entry.ProcessStep(name, limitDays);
        }
    }

    @Schema(description = "The fee (收费): free, or an amount in yuan with the document that sets it (`basis`).")
    public record Fee(
            @NotNull Boolean free,
            @DecimalMin("0") @DecimalMax(Limits.FEE_MAX)
            @Digits(integer = Limits.FEE_INTEGER_DIGITS, fraction = Limits.FEE_FRACTION_DIGITS) BigDecimal amount,
            @Size(max = Limits.NOTE) String basis) {

        static Fee of(dev.onewindow.catalog.entry.Fee fee) {
            return new Fee(fee.free(), fee.amount(), fee.basis());
        }

        dev.onewindow.catalog.entry.Fee toDomain() {
            return new dev.onewindow.catalog.entry.Fee(free, amount, basis);
        }
    }

    @Schema(description = "What an approved case yields: an e-license of `licenseType` (kind `LICENSE`) or a document "
            + "(kind `DOCUMENT`, no `licenseType`); `name` is its display name.")
    public record Result(
            @NotNull ResultKind kind,
            @Size(max = Codes.LICENSE_TYPE_MAX) @Pattern(regexp = Codes.LICENSE_TYPE) String licenseType,
            @Size(max = Limits.RESULT_NAME) String name) {

        static Result of(dev.onewindow.catalog.entry.Result result) {
            return new Result(result.kind(), result.licenseType(), result.name());
        }

        dev.onewindow.catalog.entry.Result toDomain() {
            return new dev.onewindow.catalog.entry.Result(kind, licenseType, name);
        }
    }

    @Schema(description = "Auto-approval (秒批): when enabled, a case whose applicant satisfies every rule is approved "
            + "without a person, under the rule set version `ruleSetVersion`.")
    public record AutoApproval(
            @NotNull Boolean enabled,
            @Size(max = Codes.RULE_SET_VERSION_MAX) @Pattern(regexp = Codes.RULE_SET_VERSION) String ruleSetVersion,
            @Size(max = Limits.RULES) @ArraySchema(maxItems = Limits.RULES)
            List<@NotNull @Valid ApprovalRule> rules) {

        static AutoApproval of(dev.onewindow.catalog.entry.AutoApproval auto) {
            return new AutoApproval(auto.enabled(), auto.ruleSetVersion(),
                    auto.rules().stream().map(ApprovalRule::of).toList());
        }

        dev.onewindow.catalog.entry.AutoApproval toDomain() {
            return new dev.onewindow.catalog.entry.AutoApproval(enabled, ruleSetVersion,
                    rules == null ? null : rules.stream().map(ApprovalRule::toDomain).toList());
        }
    }

    @Schema(description = "One rule of an auto-approval rule set; only the members its type uses are present. "
            + "`LICENSE_VALID`: the applicant presents a valid e-license of `licenseType`. `FIELD_RANGE`: the numeric "
            + "form field `field` lies within [`min`, `max`] (either bound may be absent). `FIELD_EQUALS`: the form "
            + "field `field` equals `value`.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovalRule(
            @NotNull RuleType type,
            @Size(max = Codes.LICENSE_TYPE_MAX) @Pattern(regexp = Codes.LICENSE_TYPE) String licenseType,
            @Size(max = Codes.FORM_FIELD_MAX) @Pattern(regexp = Codes.FORM_FIELD) String field,
            @DecimalMin(Limits.RULE_NUMBER_MIN) @DecimalMax(Limits.RULE_NUMBER_MAX)
            @Digits(integer = Limits.RULE_NUMBER_INTEGER_DIGITS, fraction = Limits.RULE_NUMBER_FRACTION_DIGITS)
            BigDecimal min,
            @DecimalMin(Limits.RULE_NUMBER_MIN) @DecimalMax(Limits.RULE_NUMBER_MAX)
            @Digits(integer = Limits.RULE_NUMBER_INTEGER_DIGITS, fraction = Limits.RULE_NUMBER_FRACTION_DIGITS)
            BigDecimal max,
            @Size(max = Limits.RULE_VALUE) String value) {

        static ApprovalRule of(dev.onewindow.catalog.entry.ApprovalRule rule) {
            return new ApprovalRule(rule.type(), rule.licenseType(), rule.field(), rule.min(), rule.max(),
                    rule.value());
        }

        dev.onewindow.catalog.entry.ApprovalRule toDomain() {
            return new dev.onewindow.catalog.entry.ApprovalRule(type, licenseType, field, min, max, value);
        }
    }
}
