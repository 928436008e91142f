package dev.onewindow.catalog.entry;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One machine-checkable rule of an auto-approval rule set, e.g. {@code {"type":"LICENSE_VALID","licenseType":"JMSFZ"}}
 * or {@code {"type":"FIELD_RANGE","field":"age","min":16,"max":200}}. Only the members its type uses are set (and
 * serialised).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalRule(
        @NotNull RuleType type,
        @Pattern(regexp = Codes.LICENSE_TYPE) String licenseType,
        @Pattern(regexp = Codes.FORM_FIELD) String field,
        @DecimalMin(Limits.RULE_NUMBER_MIN) @DecimalMax(Limits.RULE_NUMBER_MAX)
        @Digits(integer = Limits.RULE_NUMBER_INTEGER_DIGITS, fraction = Limits.RULE_NUMBER_FRACTION_DIGITS)
        BigDecimal min,
        @DecimalMin(Limits.RULE_NUMBER_MIN) @DecimalMax(Limits.RULE_NUMBER_MAX)
        @Digits(integer = Limits.RULE_NUMBER_INTEGER_DIGITS, fraction = Limits.RULE_NUMBER_FRACTION_DIGITS)
        BigDecimal max,
        @Size(max = Limits.RULE_VALUE) String value) {

    public ApprovalRule {
        min = min == null ? null : normal(min);
        max = max == null ? null : normal(max);
    }

    public static ApprovalRule licenseValid(String licenseType) {
        return new ApprovalRule(RuleType.LICENSE_VALID, licenseType, null, null, null, null);
    }

    public static ApprovalRule fieldRange(String field, BigDecimal min, BigDecimal max) {
        return new ApprovalRule(RuleType.FIELD_RANGE, null, field, min, max, null);
    }

    public static ApprovalRule fieldEquals(String field, String value) {
        return new ApprovalRule(RuleType.FIELD_EQUALS, null, field, null, null, value);
    }

    /** What is wrong with this rule for its type, or {@code null} when it is well-formed. */
    String problem() {
        return switch (type) {
            case LICENSE_VALID -> licenseType == null ? "LICENSE_VALID needs licenseType"
                    : field != null || min != null || max != null || value != null
                            ? "LICENSE_VALID takes only licenseType" : null;
            case FIELD_RANGE -> field == null ? "FIELD_RANGE needs field"
                    : min == null && max == null ? "FIELD_RANGE needs min, max or both"
                    : !fits(min) || !fits(max) ? "FIELD_RANGE bounds have at most "
                            + Limits.RULE_NUMBER_INTEGER_DIGITS + " integer and " + Limits.RULE_NUMBER_FRACTION_DIGITS
                            + " fraction digits"
                    : min != null && max != null && min.compareTo(max) > 0 ? "FIELD_RANGE min is above max"
                    : licenseType != null || value != null ? "FIELD_RANGE takes only field, min and max" : null;
            case FIELD_EQUALS -> field == null || value == null ? "FIELD_EQUALS needs field and value"
                    : licenseType != null || min != null || max != null ? "FIELD_EQUALS takes only field and value"
                    : null;
        };
    }

    private static boolean fits(BigDecimal number) {
        return number == null || number.precision() - number.scale() <= Limits.RULE_NUMBER_INTEGER_DIGITS
                && Math.max(number.scale(), 0) <= Limits.RULE_NUMBER_FRACTION_DIGITS;
    }

    /**
     * One representation per number ({@code 80}, not {@code 8E+1}). A number beyond the limits is left as it came
     * (validation refuses it): writing out {@code 1e999999999} would never end.
     */
    private static BigDecimal normal(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        boolean small = stripped.precision() - stripped.scale() <= Limits.RULE_NUMBER_INTEGER_DIGITS;
        return stripped.scale() < 0 && small ? stripped.setScale(0) : stripped;
    }
}
