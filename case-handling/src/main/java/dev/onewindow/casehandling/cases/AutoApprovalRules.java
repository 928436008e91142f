package dev.onewindow.casehandling.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.entries.Entry;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates an entry's 秒批 rule set against a submission: every rule must pass for the case to be approved without
 * a person. Unknown rule types fail (the catalog may add a rule this version cannot check; approving anyway would
 * be unlawful), and so does anything that cannot be read as the rule needs.
 */
public final class AutoApprovalRules {

    public static final String LICENSE_VALID = "LICENSE_VALID";
    public static final String FIELD_RANGE = "FIELD_RANGE";
    public static final String FIELD_EQUALS = "FIELD_EQUALS";

    private AutoApprovalRules() {
    }

    /** A rule as the catalog states it ({@code value} of FIELD_EQUALS as JSON). */
    public record Rule(String type, String licenseType, String field, BigDecimal min, BigDecimal max, JsonNode value) {
    }

    /**
     * The entry's 秒批 rule set applied to a submission ({@code materials} are the case's, under the entry's codes);
     * {@code null} when the entry has no enabled rule set.
     */
    public static AutoApprovalOutcome evaluate(Entry entry, Map<String, Object> form, List<Material> materials,
            Instant now) {
        return evaluate(entry, form, materials, now, List.of());
    }

    /**
     * As {@link #evaluate(Entry, Map, List, Instant)}; a failed rule on one of {@code personalFields} does not quote
     * the form's value (the outcome is stored with the case and sent on {@code case.submitted}).
     */
    public static AutoApprovalOutcome evaluate(Entry entry, Map<String, Object> form, List<Material> materials,
            Instant now, java.util.Collection<String> personalFields) {
        if (entry.autoApproval() == null || !entry.autoApproval().enabled()) {
            return null;
        }
        List<Rule> rules = entry.autoApproval().rules().stream()
                .map(r -> new Rule(r.type(), r.licenseType(), r.field(), r.min(), r.max(), r.value())).toList();
        return evaluate(entry.autoApproval().ruleSetVersion(), rules, form, materials, now, personalFields);
    }

    public static AutoApprovalOutcome evaluate(String ruleSetVersion, List<Rule> rules, Map<String, Object> form,
            List<Material> materials, Instant now) {
        return evaluate(ruleSetVersion, rules, form, materials, now, List.of());
    }

    public static AutoApprovalOutcome evaluate(String ruleSetVersion, List<Rule> rules, Map<String, Object> form,
            List<Material> materials, Instant now, java.util.Collection<String> personalFields) {
        List<AutoApprovalOutcome.FailedRule> failed = new ArrayList<>();
        if (rules.isEmpty()) {
            failed.add(new AutoApprovalOutcome.FailedRule("NONE", null, "the rule set is empty"));
        }
        for (Rule rule : rules) {
            String reason = check(rule, form, materials,
                    rule.field() != null && personalFields.contains(rule.field()));
            if (reason != null) {
                failed.add(new AutoApprovalOutcome.FailedRule(rule.type(),
                        LICENSE_VALID.equals(rule.type()) ? rule.licenseType() : rule.field(), reason));
            }
        }
        return new AutoApprovalOutcome(ruleSetVersion, failed.isEmpty(), failed, now);
    }

    /** {@code null} when the rule passes, else why it failed. */
    private static String check(Rule rule, Map<String, Object> form, List<Material> materials, boolean personal) {
        String type = rule.type() == null ? "" : rule.type();
        return switch (type) {
            case LICENSE_VALID -> materials.stream().anyMatch(m -> m.validLicenseOf(rule.licenseType())) ? null
                    : "no valid e-license of type " + rule.licenseType() + " among the materials";
            case FIELD_RANGE -> {
                BigDecimal number = number(form.get(rule.field()));
                if (number == null) {
                    yield "form field " + rule.field() + " is missing or not a number";
                }
                if ((rule.min() != null && number.compareTo(rule.min()) < 0)
                        || (rule.max() != null && number.compareTo(rule.max()) > 0)) {
                    yield "form field " + rule.field() + (personal ? "" : " = " + number) + " is outside ["
                            + rule.min() + ", " + rule.max() + "]";
                }
                yield null;
            }
            case FIELD_EQUALS -> {
                Object actual = form.get(rule.field());
                yield equal(actual, rule.value()) ? null
                        : "form field " + rule.field() + " is not " + (rule.value() == null ? "null"
                                : rule.value().asString());
            }
            default -> "rule type " + type + " is not supported by this version of case-handling";
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Numbers compare by value (16 = 16.0 = "16"), everything else by its text. */
    private static boolean equal(Object actual, JsonNode expected) {
        if (actual == null || expected == null || expected.isNull() || expected.isMissingNode()) {
            return false;
        }
        if (expected.isNumber()) {
            BigDecimal a = number(actual);
            return a != null && a.compareTo(expected.decimalValue()) == 0;
        }
        if (expected.isBoolean()) {
            return actual instanceof Boolean b ? b == expected.booleanValue()
                    : String.valueOf(expected.booleanValue()).equals(String.valueOf(actual));
        }
        return expected.isValueNode() && expected.asString().equals(String.valueOf(actual));
    }
}
