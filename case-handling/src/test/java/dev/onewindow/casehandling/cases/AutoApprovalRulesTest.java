package dev.onewindow.casehandling.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** 秒批 rules as the catalog states them (docs/service-contracts.md). */
class AutoApprovalRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<AutoApprovalRules.Rule> CONTRACT_RULES = List.of(
            new AutoApprovalRules.Rule("LICENSE_VALID", "JMSFZ", null, null, null, null),
            new AutoApprovalRules.Rule("FIELD_RANGE", null, "age", BigDecimal.valueOf(16), BigDecimal.valueOf(200),
                    null),
            new AutoApprovalRules.Rule("FIELD_EQUALS", null, "residence", null, null, NODES.stringNode("341300")));

    private static final Material VALID_ID_CARD = Material.license("M01", "JMSFZ-1", "JMSFZ", "VALID", true,
            "2030-01-01", NOW);

    @Test
    void allRulesPass() {
        AutoApprovalOutcome outcome = AutoApprovalRules.evaluate("2026-1", CONTRACT_RULES,
                Map.of("age", 35, "residence", "341300"), List.of(VALID_ID_CARD), NOW);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.ruleSetVersion()).isEqualTo("2026-1");
        assertThat(outcome.failedRules()).isEmpty();
    }

    @Test
    void eachFailedRuleIsRecordedWithItsSubject() {
        Material suspended = Material.license("M01", "JMSFZ-2", "JMSFZ", "SUSPENDED", true, null, NOW);
        AutoApprovalOutcome outcome = AutoApprovalRules.evaluate("2026-1", CONTRACT_RULES,
                Map.of("age", 15, "residence", "341302"), List.of(suspended), NOW);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failedRules()).extracting(AutoApprovalOutcome.FailedRule::subject)
                .containsExactly("JMSFZ", "age", "residence");
    }

    @Test
    void numbersCompareByValueAndBoundsAreInclusive() {
        assertThat(AutoApprovalRules.evaluate("v", CONTRACT_RULES.subList(1, 3),
                Map.of("age", "16", "residence", "341300"), List.of(), NOW).passed()).isTrue();
        assertThat(AutoApprovalRules.evaluate("v", CONTRACT_RULES.subList(1, 2), Map.of("age", 200.0), List.of(),
                NOW).passed()).isTrue();
        assertThat(AutoApprovalRules.evaluate("v", CONTRACT_RULES.subList(1, 2), Map.of("age", "abc"), List.of(),
                NOW).passed()).isFalse();
        assertThat(AutoApprovalRules.evaluate("v", List.of(new AutoApprovalRules.Rule("FIELD_EQUALS", null, "n",
                null, null, NODES.numberNode(3))), Map.of("n", 3.0), List.of(), NOW).passed()).isTrue();
    }

    @Test
    void anUnknownRuleOrAnEmptyRuleSetNeverApproves() {
        assertThat(AutoApprovalRules.evaluate("v", List.of(new AutoApprovalRules.Rule("FACE_MATCH", null, null,
                null, null, null)), Map.of(), List.of(), NOW).passed()).isFalse();
        assertThat(AutoApprovalRules.evaluate("v", List.of(), Map.of(), List.of(), NOW).passed()).isFalse();
    }
}
