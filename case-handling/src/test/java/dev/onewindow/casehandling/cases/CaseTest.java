package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.platform.domain.InvalidInputException;
import dev.onewindow.platform.domain.NotAllowedException;
import org.junit.jupiter.api.Test;

import static dev.onewindow.casehandling.cases.CaseFixtures.APPROVER;
import static dev.onewindow.casehandling.cases.CaseFixtures.CITIZEN;
import static dev.onewindow.casehandling.cases.CaseFixtures.OFFICER;
import static dev.onewindow.casehandling.cases.CaseFixtures.REVIEWER;
import static dev.onewindow.casehandling.cases.CaseFixtures.RULES;
import static dev.onewindow.casehandling.cases.CaseFixtures.aCase;
import static dev.onewindow.casehandling.cases.CaseFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case aggregate's rules, without Spring. */
class CaseTest {

    private static final Instant LATER = shanghai(2026, 2, 14, 10);

    @Test
    void aSubmissionWaitsForAcceptanceWithoutAClockAndRecordsItsEvent() {
        Case c = aCase().submitted();
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.clock()).isNull();
        assertThat(c.pendingEvents()).extracting(e -> e.type()).containsExactly("case.submitted");
        assertThat(c.history()).extracting(HistoryEntry::action).containsExactly("SUBMIT");
        // 5 working days from Friday 2026-02-13: Saturday 14th (make-up day), then 24th–27th after the holiday
        assertThat(c.acceptanceDueAt()).isEqualTo(shanghai(2026, 2, 28, 0));
    }

    @Test
    void acceptanceStartsTheClockWithThePromisedLimitAcrossTheSpringFestival() {
        Case c = aCase().submitted();
        c.accept(OFFICER, RULES, shanghai(2026, 2, 13, 10));
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.clock().dueAt(RULES.calendar(), LATER)).isEqualTo(shanghai(2026, 3, 6, 0));
        assertThat(c.indexedDueAt()).isEqualTo(shanghai(2026, 3, 6, 0));
        // budget: 14 h of the 13th + 10 × 24 h = 254 h; yellow at 80 % used (50 h 48 min left, more than the
        // "1 working day left" rule) → 203 h 12 min of working time after acceptance: 2026-03-03 21:12
        assertThat(c.indexedYellowAt()).isEqualTo(shanghai(2026, 3, 3, 21).plusSeconds(12 * 60));
        assertThat(c.pendingEvents()).extracting(e -> e.type()).containsExactly("case.submitted", "case.accepted");
    }

    @Test
    void eachTransitionBelongsToItsRoleAndItsStates() {
        Case c = aCase().submitted();
        assertThatThrownBy(() -> c.accept(REVIEWER, RULES, LATER)).isInstanceOfSatisfying(
                NotAllowedException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
        assertThatThrownBy(() -> c.startReview(REVIEWER, RULES, LATER)).isInstanceOfSatisfying(
                ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("ILLEGAL_STATE_TRANSITION");
                    assertThat(e.properties()).containsEntry("currentState", "SUBMITTED");
                });
        assertThatThrownBy(() -> c.approve(APPROVER, null, RULES, LATER)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.requestSupplement(REVIEWER, items("M01"), null, RULES, LATER))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));

        Case inReview = aCase().inReview();
        assertThatThrownBy(() -> inReview.requestSupplement(OFFICER, items("M01"), null, RULES, LATER))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
        assertThatThrownBy(() -> inReview.suspend(APPROVER, "听证", "x", RULES, LATER))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
        assertThatThrownBy(() -> inReview.accept(OFFICER, RULES, LATER))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.properties()).containsEntry("currentState", "IN_REVIEW"));
    }

    @Test
    void aSupplementBeforeAcceptanceRestartsTheAcceptanceWindowWithoutAClock() {
        Case c = aCase().submitted();
        c.requestSupplement(OFFICER, items("M02"), "一次性告知", RULES, shanghai(2026, 2, 13, 11));
        assertThat(c.status()).isEqualTo(CaseStatus.SUPPLEMENT_REQUIRED);
        assertThat(c.supplementRequest().phase()).isEqualTo(SupplementRequest.Phase.ACCEPTANCE);
        assertThatThrownBy(() -> c.supplement(CITIZEN, List.of(), null, null, RULES, LATER))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("MISSING_MATERIALS"));

        c.supplement(CITIZEN, List.of(Material.file("M02", "f2", "lease.pdf", "application/pdf", 10, LATER)),
                SealedForm.plain(Map.of("signed", true)), "done", RULES, shanghai(2026, 2, 24, 9));
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.clock()).isNull();
        assertThat(c.formData()).containsEntry("signed", true);
        assertThat(c.acceptanceDueAt()).isEqualTo(shanghai(2026, 3, 3, 0));
    }

    @Test
    void aSupplementDuringReviewPausesTheClockAndReturnsToReview() {
        Case c = aCase().inReview();
        Instant due = c.clock().dueAt(RULES.calendar(), LATER);
        c.requestSupplement(REVIEWER, items("M01"), null, RULES, shanghai(2026, 2, 24, 9));
        assertThat(c.clock().paused()).isTrue();
        assertThat(c.indexedPausedLevel()).isEqualTo(ClockLevel.GREEN);
        c.supplement(CITIZEN, List.of(Material.file("M01", "f3", "yyzz.pdf", "application/pdf", 10, LATER)), null,
                null, RULES, shanghai(2026, 2, 25, 9));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(c.clock().paused()).isFalse();
        // one working day paused: due one working day later (Thursday 03-05 end → Friday 03-06 end)
        assertThat(c.clock().dueAt(RULES.calendar(), LATER)).isEqualTo(due.plus(java.time.Duration.ofDays(1)));
        assertThat(c.materials()).extracting(Material::fileId).containsExactly("f3");
    }

    @Test
    void suspensionPausesAndResumptionContinues() {
        Case c = aCase().inReview();
        c.suspend(REVIEWER, "检验检测", "样品送检", RULES, shanghai(2026, 2, 24, 9));
        assertThat(c.status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(c.clock().paused()).isTrue();
        assertThatThrownBy(() -> c.approve(APPROVER, null, RULES, LATER)).isInstanceOf(ConflictException.class);
        c.resume(REVIEWER, null, RULES, shanghai(2026, 2, 26, 9));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(c.clock().pauses()).hasSize(1);
    }

    @Test
    void oneExtensionOfAtMostTheConfiguredWorkingDays() {
        Case c = aCase().inReview();
        assertThatThrownBy(() -> c.extend(APPROVER, 11, "x", RULES, LATER)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EXTENSION_TOO_LONG"));
        assertThatThrownBy(() -> c.extend(REVIEWER, 5, "x", RULES, LATER)).isInstanceOf(NotAllowedException.class);
        c.extend(APPROVER, 10, "复杂", RULES, LATER);
        assertThat(c.clock().extensions()).hasSize(1);
        assertThatThrownBy(() -> c.extend(APPROVER, 1, "again", RULES, LATER)).isInstanceOfSatisfying(
                ConflictException.class, e -> assertThat(e.code()).isEqualTo("EXTENSION_LIMIT_REACHED"));
        assertThatThrownBy(() -> aCase().submitted().extend(APPROVER, 1, "no clock", RULES, LATER))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ILLEGAL_STATE_TRANSITION"));
    }

    @Test
    void approvalCompletesADocumentResultButWaitsForTheLicenseOtherwise() {
        Case document = aCase().inReview();
        document.approve(APPROVER, "ok", RULES, LATER);
        assertThat(document.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(document.clock().stopped()).isTrue();

        Case license = aCase().licenseResult().inReview();
        license.approve(APPROVER, "ok", RULES, LATER);
        assertThat(license.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(license.completeWithLicense("SPJYXKZ-1", RULES, LATER.plusSeconds(5))).isTrue();
        assertThat(license.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(license.licenseId()).isEqualTo("SPJYXKZ-1");
        int events = license.pendingEvents().size();
        assertThat(license.completeWithLicense("SPJYXKZ-1", RULES, LATER.plusSeconds(9))).as("redelivery").isFalse();
        assertThat(license.pendingEvents()).hasSize(events);
        assertThat(license.pendingEvents().get(events - 1).type()).isEqualTo("case.completed");
    }

    @Test
    void theApplicantMayWithdrawOnlyBeforeADecision() {
        Case c = aCase().inReview();
        c.withdraw(CITIZEN, "不办了", RULES, LATER);
        assertThat(c.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(c.clock().stopped()).isTrue();

        Case approved = aCase().licenseResult().inReview();
        approved.approve(APPROVER, null, RULES, LATER);
        assertThatThrownBy(() -> approved.withdraw(CITIZEN, null, RULES, LATER)).isInstanceOfSatisfying(
                ConflictException.class, e -> assertThat(e.properties()).containsEntry("currentState", "APPROVED"));
    }

    @Test
    void aPassedAutoApprovalAcceptsApprovesAndCompletesInOneSave() {
        AutoApprovalOutcome passed = new AutoApprovalOutcome("2026-1", true, List.of(), LATER);
        Case c = aCase().autoApproval(passed).submitted();
        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.pendingEvents()).extracting(e -> e.type()).containsExactly("case.submitted", "case.accepted",
                "case.approved", "case.completed");
        assertThat(c.pendingEvents()).extracting(e -> e.sequence()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(c.decision().automatic()).isTrue();

        AutoApprovalOutcome failed = new AutoApprovalOutcome("2026-1", false,
                List.of(new AutoApprovalOutcome.FailedRule("FIELD_RANGE", "age", "too young")), LATER);
        Case manual = aCase().autoApproval(failed).submitted();
        assertThat(manual.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(manual.autoApproval().failedRules()).hasSize(1);
    }

    @Test
    void aBundleParentSummarisesItsMembersAndCompletesWhenAllDo() {
        Case a = aCase().memberOf("parent").submitted();
        Case b = aCase().memberOf("parent").submitted();
        Case.Draft draft = aCase().draft();
        Case parent = Case.openBundle(draft, List.of(
                new BundleChild(a.id(), a.caseNo(), "X1", "SCJGJ", a.status(), 0),
                new BundleChild(b.id(), b.caseNo(), "X2", "GAJ", b.status(), 0)), CITIZEN, "citizen", RULES, LATER);
        assertThat(parent.kind()).isEqualTo(CaseKind.BUNDLE);
        assertThat(parent.status()).isEqualTo(CaseStatus.SUBMITTED);

        assertThat(parent.recordMemberProgress(a.id(), CaseStatus.COMPLETED, 4, RULES, LATER)).isTrue();
        assertThat(parent.recordMemberProgress(a.id(), CaseStatus.ACCEPTED, 2, RULES, LATER)).as("older").isFalse();
        assertThat(parent.status()).isEqualTo(CaseStatus.SUBMITTED);
        parent.recordMemberProgress(b.id(), CaseStatus.IN_REVIEW, 3, RULES, LATER);
        assertThat(parent.status()).isEqualTo(CaseStatus.IN_REVIEW);
        parent.recordMemberProgress(b.id(), CaseStatus.COMPLETED, 5, RULES, LATER);
        assertThat(parent.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(parent.pendingEvents()).extracting(e -> e.type()).containsExactly("case.submitted",
                "case.completed");
    }

    @Test
    void theAcceptanceWindowFlagsLateSubmissionsAndLateAcceptance() {
        Case c = aCase().submitted();
        assertThat(c.acceptanceOverdue(shanghai(2026, 2, 27, 23))).isFalse();
        assertThat(c.acceptanceOverdue(shanghai(2026, 2, 28, 1))).isTrue();
        c.accept(OFFICER, RULES, shanghai(2026, 3, 2, 9));
        assertThat(c.acceptanceOverdue(shanghai(2026, 3, 2, 9))).as("kept after a late acceptance").isTrue();
    }

    @Test
    void anExtensionIsRefusedOnceTheLimitHasRunOut() {
        Case c = aCase().limit(2).inReview();
        Instant due = c.clock().dueAt(RULES.calendar(), LATER);
        assertThatThrownBy(() -> c.extend(APPROVER, 3, "复杂", RULES, due.plusSeconds(1))).isInstanceOfSatisfying(
                ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("EXTENSION_AFTER_DEADLINE");
                    assertThat(e.properties()).containsEntry("dueAt", due.toString());
                });
        assertThat(c.clock().extensions()).isEmpty();
        c.extend(APPROVER, 3, "复杂", RULES, due);
        assertThat(c.clock().extensions()).hasSize(1);
    }

    @Test
    void everythingMissingIsToldAtOncePerPhase() {
        Case c = aCase().submitted();
        c.requestSupplement(OFFICER, items("M02"), null, RULES, shanghai(2026, 2, 13, 11));
        c.supplement(CITIZEN, List.of(Material.file("M02", "f2", "a.pdf", "application/pdf", 1, LATER)), null, null,
                RULES, shanghai(2026, 2, 13, 12));
        assertThatThrownBy(() -> c.requestSupplement(OFFICER, items("M01"), null, RULES, shanghai(2026, 2, 13, 13)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("SUPPLEMENT_ALREADY_REQUESTED"));
        // a city that allows two
        CaseRules two = new CaseRules(RULES.calendar(), RULES.thresholds(), 5, 10, 1, true, 2, true);
        c.requestSupplement(OFFICER, items("M01"), null, two, shanghai(2026, 2, 13, 13));
        assertThat(c.status()).isEqualTo(CaseStatus.SUPPLEMENT_REQUIRED);
    }

    @Test
    void theReviewerDoesNotDecideUnlessTheCityAllowsIt() {
        Actor both = new Actor("officer2", "officer2", java.util.Set.of(dev.onewindow.platform.security.Roles.REVIEWER,
                dev.onewindow.platform.security.Roles.APPROVER), "SCJGJ");
        Case c = aCase().accepted();
        c.startReview(both, RULES, LATER);
        assertThatThrownBy(() -> c.approve(both, null, RULES, LATER)).isInstanceOfSatisfying(
                NotAllowedException.class, e -> assertThat(e.code()).isEqualTo("SAME_PERSON_REVIEW_AND_DECISION"));
        assertThatThrownBy(() -> c.deny(both, "x", "y", RULES, LATER)).isInstanceOfSatisfying(
                NotAllowedException.class, e -> assertThat(e.code()).isEqualTo("SAME_PERSON_REVIEW_AND_DECISION"));
        c.extend(both, 2, "复杂", RULES, LATER);
        CaseRules together = new CaseRules(RULES.calendar(), RULES.thresholds(), 5, 10, 1, true, 1, false);
        c.approve(both, null, together, LATER);
        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void aLateAcceptanceCountsFromTheArrivalOfTheMaterials() {
        // submitted Friday 2026-02-13 09:00; the window ends with 02-27
        Case late = aCase().submitted();
        late.accept(OFFICER, RULES, shanghai(2026, 3, 2, 9));
        assertThat(late.deemedAcceptedAt()).isEqualTo(shanghai(2026, 2, 13, 9));
        assertThat(late.clock().startedAt()).isEqualTo(shanghai(2026, 2, 13, 9));
        CaseRules off = new CaseRules(RULES.calendar(), RULES.thresholds(), 5, 10, 1, false, 1, true);
        Case notDeemed = aCase().submitted();
        notDeemed.accept(OFFICER, off, shanghai(2026, 3, 2, 9));
        assertThat(notDeemed.deemedAcceptedAt()).isNull();
        assertThat(notDeemed.clock().startedAt()).isEqualTo(shanghai(2026, 3, 2, 9));
    }

    @Test
    void aSupplementAskedForAfterTheWindowDoesNotUndoTheDeemedAcceptance() {
        Case c = aCase().submitted();
        // asked Monday 03-02, a working day after the window ended; supplied Wednesday 03-04 09:00
        c.requestSupplement(OFFICER, items("M02"), null, RULES, shanghai(2026, 3, 2, 9));
        assertThat(c.acceptanceOverdue(shanghai(2026, 3, 2, 9))).isTrue();
        c.supplement(CITIZEN, List.of(Material.file("M02", "f2", "a.pdf", "application/pdf", 1, LATER)), null, null,
                RULES, shanghai(2026, 3, 4, 9));
        assertThat(c.acceptanceDueAt()).as("the window is not restarted").isEqualTo(shanghai(2026, 2, 28, 0));
        c.accept(OFFICER, RULES, shanghai(2026, 3, 4, 10));
        assertThat(c.deemedAcceptedAt()).isEqualTo(shanghai(2026, 2, 13, 9));
        // 10 working days from 02-13 end with 03-05; the two working days the applicant took are not counted
        assertThat(c.clock().pauses()).hasSize(1);
        assertThat(c.clock().dueAt(RULES.calendar(), shanghai(2026, 3, 4, 10))).isEqualTo(shanghai(2026, 3, 10, 0));
    }

    @Test
    void aDenialAndARejectionAreEach办结WithTheirOutcome() {
        Case denied = aCase().inReview();
        denied.deny(APPROVER, "不符合条件", "可申请行政复议", RULES, LATER);
        assertThat(denied.status()).isEqualTo(CaseStatus.DENIED);
        assertThat(denied.pendingEvents()).extracting(e -> e.type()).endsWith("case.denied", "case.completed");
        CaseCompleted completion = (CaseCompleted) denied.pendingEvents().get(denied.pendingEvents().size() - 1)
                .payload();
        assertThat(completion.outcome()).isEqualTo(CaseOutcome.DENIED);
        assertThat(completion.onTime()).isTrue();
        assertThat(completion.lateWorkingDays()).isNull();

        Case rejected = aCase().submitted();
        // the window ended with 02-27; rejected Tuesday 03-03 10:00: 02-28 (a make-up Saturday), 03-02 and part of
        // 03-03 → 3 working days late
        rejected.reject(OFFICER, "材料不齐", RULES, shanghai(2026, 3, 3, 10));
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED);
        CaseCompleted rejection = (CaseCompleted) rejected.pendingEvents().get(rejected.pendingEvents().size() - 1)
                .payload();
        assertThat(rejection.outcome()).isEqualTo(CaseOutcome.REJECTED);
        assertThat(rejection.onTime()).isFalse();
        assertThat(rejection.lateWorkingDays()).isEqualTo(3);

        Case withdrawn = aCase().accepted();
        withdrawn.withdraw(CITIZEN, null, RULES, LATER);
        assertThat(withdrawn.pendingEvents()).extracting(e -> e.type()).doesNotContain("case.completed");
    }

    @Test
    void aBundleParentCompletesWithTheMostSeriousOutcomeOrEndsWithdrawn() {
        Case a = aCase().memberOf("parent").submitted();
        Case b = aCase().memberOf("parent").submitted();
        Case parent = Case.openBundle(aCase().draft(), List.of(
                new BundleChild(a.id(), a.caseNo(), "X1", "SCJGJ", a.status(), 0),
                new BundleChild(b.id(), b.caseNo(), "X2", "GAJ", b.status(), 0)), CITIZEN, "citizen", RULES, LATER);
        parent.recordMemberProgress(a.id(), CaseStatus.COMPLETED, 4, RULES, LATER);
        parent.recordMemberProgress(b.id(), CaseStatus.DENIED, 4, RULES, LATER);
        assertThat(parent.status()).isEqualTo(CaseStatus.DENIED);
        assertThat(((CaseCompleted) parent.pendingEvents().get(1).payload()).outcome()).isEqualTo(CaseOutcome.DENIED);

        Case withdrawnParent = Case.openBundle(aCase().draft(), List.of(
                new BundleChild(a.id(), a.caseNo(), "X1", "SCJGJ", a.status(), 0)), CITIZEN, "citizen", RULES, LATER);
        withdrawnParent.recordMemberProgress(a.id(), CaseStatus.WITHDRAWN, 3, RULES, LATER);
        assertThat(withdrawnParent.pendingEvents()).extracting(e -> e.type())
                .containsExactly("case.submitted", "case.withdrawn");
    }

    @Test
    void aStoppedClockIsInNoLevelOfTheWorklistIndex() {
        Case c = aCase().limit(2).inReview();
        Instant due = c.clock().dueAt(RULES.calendar(), LATER);
        c.approve(APPROVER, null, RULES, due.plusSeconds(36 * 3600));
        assertThat(c.indexedDueAt()).isNull();
        assertThat(c.indexedLevel(due.plusSeconds(86_400 * 30))).isNull();
        ClockSnapshot clock = ClockSnapshot.of(c.clock(), RULES, due.plusSeconds(86_400 * 30));
        assertThat(clock.level()).isNull();
        assertThat(clock.finished()).isEqualTo(ClockSnapshot.Finish.LATE);
    }

    private static List<SupplementRequest.Item> items(String code) {
        return List.of(new SupplementRequest.Item(code, "补正 " + code));
    }
}
