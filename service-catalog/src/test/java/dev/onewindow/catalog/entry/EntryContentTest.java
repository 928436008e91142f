package dev.onewindow.catalog.entry;

import java.math.BigDecimal;
import java.util.List;

import dev.onewindow.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.onewindow.catalog.entry.Contents.aContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules that span fields of an entry (docs/domain.md, section "service-catalog"). */
class EntryContentTest {

    @Test
    void aCompleteEntryPasses() {
        assertThat(Contents.full().check()).isEqualTo(Contents.full());
    }

    @Test
    void promisedMayEqualButNotExceedStatutory() {
        assertThat(aContent().limits(10, 10).build().check().promisedLimitDays()).isEqualTo(10);
        assertRejected(aContent().limits(9, 10).build(), "PROMISED_EXCEEDS_STATUTORY");
    }

    @Test
    void promisedZeroIsAnImmediateCaseWhoseStepsTakeNoDays() {
        EntryContent immediate = aContent().limits(5, 0).steps(new ProcessStep("受理", 0), new ProcessStep("发证", 0))
                .build().check();
        assertThat(immediate.immediate()).isTrue();
        assertRejected(aContent().limits(5, 0).steps(new ProcessStep("受理", 1)).build(), "STEP_LIMITS_EXCEED_PROMISED");
    }

    @Test
    void stepLimitsMustFitThePromisedLimit() {
        assertRejected(aContent().limits(20, 10).steps(new ProcessStep("受理", 5), new ProcessStep("决定", 6)).build(),
                "STEP_LIMITS_EXCEED_PROMISED");
    }

    @Test
    void autoApprovalNeedsWellFormedRules() {
        assertRejected(aContent().autoApproval(new AutoApproval(true, "1", List.of())).build(), "INVALID_ENTRY");
        assertRejected(aContent().autoApproval(new AutoApproval(true, "1", List.of(
                new ApprovalRule(RuleType.LICENSE_VALID, null, null, null, null, null)))).build(), "INVALID_ENTRY");
        assertRejected(aContent().autoApproval(new AutoApproval(true, "1", List.of(
                ApprovalRule.fieldRange("age", BigDecimal.TEN, BigDecimal.ONE)))).build(), "INVALID_ENTRY");
        assertRejected(aContent().autoApproval(new AutoApproval(true, "1", List.of(
                ApprovalRule.fieldRange("age", null, null)))).build(), "INVALID_ENTRY");
        assertRejected(aContent().autoApproval(new AutoApproval(false, null, List.of(
                ApprovalRule.licenseValid("JMSFZ")))).build(), "INVALID_ENTRY");
        assertThat(aContent().autoApproval(new AutoApproval(true, "2026-1", List.of(
                ApprovalRule.fieldRange("age", BigDecimal.valueOf(16), null)))).build().check()).isNotNull();
    }

    @Test
    @Timeout(10)
    void rangeBoundsAreNumbersTheCatalogStoresExactlyAndNoExponentIsWrittenOut() {
        for (String bound : List.of("1e999999999", "-1e999999999", "1e-999999999", "1e400", "1234567890123456",
                "0.1234567")) {
            assertRejected(aContent().autoApproval(new AutoApproval(true, "1", List.of(
                    ApprovalRule.fieldRange("age", null, new BigDecimal(bound))))).build(), "INVALID_ENTRY");
        }
        assertThat(aContent().autoApproval(new AutoApproval(true, "1", List.of(ApprovalRule.fieldRange("income",
                new BigDecimal("-999999999999999.999999"), new BigDecimal("9.99999999999999E+14"))))).build().check()
                .autoApproval().rules().get(0).max()).hasToString("999999999999999");
    }

    @Test
    void aLicenseResultNamesItsTypeADocumentHasNone() {
        assertRejected(aContent().result(new Result(ResultKind.LICENSE, null, "x")).build(), "INVALID_ENTRY");
        assertRejected(aContent().result(new Result(ResultKind.DOCUMENT, "YYZZ", "x")).build(), "INVALID_ENTRY");
        assertThat(aContent().result(Result.document("准予注销登记通知书")).build().check()).isNotNull();
    }

    @Test
    void aFeeHasAnAmountAndABasisAFreeEntryHasNeither() {
        assertRejected(aContent().fee(new Fee(false, BigDecimal.ZERO, "x")).build(), "INVALID_ENTRY");
        assertRejected(aContent().fee(new Fee(false, BigDecimal.valueOf(80), null)).build(), "INVALID_ENTRY");
        assertRejected(aContent().fee(new Fee(true, BigDecimal.valueOf(80), null)).build(), "INVALID_ENTRY");
        Fee fee = aContent().fee(new Fee(false, new BigDecimal("80.00"), "发改价格规〔2016〕2559号")).build().check().fee();
        assertThat(fee.amount().toString()).as("one plain representation").isEqualTo("80");
        assertThat(fee).isEqualTo(new Fee(false, new BigDecimal("8E+1"), "发改价格规〔2016〕2559号"));
        assertThat(new Fee(false, new BigDecimal("12.50"), "x").amount().toString()).isEqualTo("12.5");
    }

    @Test
    void materialsHaveUniqueCodesAndConditionalOnesSayWhen() {
        Material a = new Material("M01", "申请书", true, null, 1, 0, null, List.of());
        assertRejected(aContent().materials(a, a).build(), "INVALID_ENTRY");
        assertRejected(aContent().materials(new Material("M01", "委托书", false, null, 1, 0, null, List.of())).build(),
                "INVALID_ENTRY");
    }

    @Test
    void fullyOnlineMeansNoVisit() {
        assertRejected(aContent().online(4, 1).build(), "INVALID_ENTRY");
        assertThat(aContent().online(3, 1).build().check().visits()).isEqualTo(1);
    }

    @Test
    void theProblemListsEveryBrokenRule() {
        Material a = new Material("M01", "申请书", true, null, 1, 0, null, List.of());
        assertThatThrownBy(() -> aContent().materials(a, a).online(4, 2).build().check())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat((List<?>) e.properties().get("problems"))
                        .hasSize(2));
    }

    private static void assertRejected(EntryContent content, String code) {
        // invalid input: answered 400 by the platform's problem handler
        assertThatThrownBy(content::check).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
