package dev.onewindow.catalog.entry;

import java.time.Instant;

import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.platform.domain.InvalidInputException;
import dev.onewindow.platform.domain.NotAllowedException;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static dev.onewindow.catalog.entry.Contents.aContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The entry life cycle (draft → in review → published → revised → suspended / withdrawn) and who may do what,
 * without Spring.
 */
class CatalogEntryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Editor CATALOG_ADMIN = new Editor("catalogadmin1", true, false, "SJZYJ");
    /** A second catalog admin: reviews and publishes what the first drafted. */
    private static final Editor SECOND_ADMIN = new Editor("catalogadmin2", true, false, "SJZYJ");
    private static final Editor SCJGJ_REVIEWER = new Editor("reviewer1", false, false, "SCJGJ", true, false);
    private static final Editor GAJ_REVIEWER = new Editor("reviewer3", false, false, "GAJ", true, false);
    private static final Editor SCJGJ_ADMIN = new Editor("deptadmin1", false, true, "SCJGJ");
    private static final Editor GAJ_ADMIN = new Editor("deptadmin2", false, true, "GAJ");
    private static final Editor OFFICER = new Editor("officer1", false, false, "SCJGJ");

    private static CatalogEntry aDraft(Editor by) {
        return CatalogEntry.draft(BasicCode.of("XK00105000"), "SCJGJ", "341300", Contents.full(), by, T0);
    }

    /** Submits the open draft as its author and publishes it as the second catalog admin. */
    private static EntryVersion reviewAndPublish(CatalogEntry entry, Editor author, Instant at) {
        entry.submit(author, at);
        return entry.publish(SECOND_ADMIN, true, at);
    }

    @Test
    void aNewEntryIsADraftVersionOneNobodyCanSeeInSearch() {
        CatalogEntry entry = aDraft(SCJGJ_ADMIN);
        assertThat(entry.implementationCode()).isEqualTo("XK00105000341300SCJGJ");
        assertThat(entry.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(entry.draftVersion()).isEqualTo(1);
        assertThat(entry.currentVersion()).isNull();
        assertThat(entry.published()).isEmpty();
        assertThat(entry.listing()).isNull();
        assertThat(entry.version(1).orElseThrow().publiclyReadable()).isFalse();
        assertThat(entry.pendingEvents()).isEmpty();
    }

    @Test
    void publishingFreezesTheDraftListsItAndAnnouncesIt() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        reviewAndPublish(entry, CATALOG_ADMIN, T0.plusSeconds(60));

        EntryVersion v1 = entry.published().orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(v1.publishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(entry.status()).isEqualTo(EntryStatus.PUBLISHED);
        assertThat(entry.draftVersion()).isNull();
        assertThat(entry.listing().live()).isTrue();
        assertThat(entry.listing().grams()).contains("营业", "业执", "执照");
        assertThat(entry.pendingEvents()).extracting(OutboxEntry::type).containsExactly("item.published");
        assertThat(((ItemPublished) entry.pendingEvents().get(0).payload()).resumed()).isFalse();
    }

    @Test
    void aRevisionIsANewVersionTheOldOneStaysReadableAndSuperseded() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        reviewAndPublish(entry, CATALOG_ADMIN, T0);
        EntryVersion draft = entry.editDraft(aContent().name("食品经营许可（2026版）").limits(20, 8)
                .steps(new ProcessStep("受理", 1), new ProcessStep("审查", 4), new ProcessStep("决定", 3)).build(),
                SCJGJ_ADMIN, T0.plusSeconds(10));
        assertThat(draft.version()).isEqualTo(2);
        // until the revision is published, the public still gets version 1
        assertThat(entry.published().orElseThrow().version()).isEqualTo(1);
        assertThat(entry.listing().name()).isEqualTo("食品经营许可");

        reviewAndPublish(entry, SCJGJ_ADMIN, T0.plusSeconds(20));
        assertThat(entry.published().orElseThrow().version()).isEqualTo(2);
        assertThat(entry.published().orElseThrow().content().promisedLimitDays()).isEqualTo(8);
        assertThat(entry.version(1).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(entry.version(1).orElseThrow().publiclyReadable()).isTrue();
        assertThat(entry.version(1).orElseThrow().content().promisedLimitDays()).isEqualTo(10);
        assertThat(entry.listing().name()).isEqualTo("食品经营许可（2026版）");
        assertThat(entry.pendingEvents()).extracting(OutboxEntry::type).containsExactly("item.published",
                "item.revised");
        assertThat(entry.pendingEvents()).extracting(OutboxEntry::sequence).containsExactly(1L, 2L);
        ItemRevised revised = (ItemRevised) entry.pendingEvents().get(1).payload();
        assertThat(revised.previousVersion()).isEqualTo(1);
        assertThat(revised.version()).isEqualTo(2);
    }

    @Test
    void editingAnOpenDraftChangesItInPlace() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        entry.editDraft(aContent().name("改名").build(), SCJGJ_ADMIN, T0.plusSeconds(5));
        assertThat(entry.versions()).hasSize(1);
        assertThat(entry.openDraft().orElseThrow().content().name()).isEqualTo("改名");
        assertThat(entry.openDraft().orElseThrow().updatedBy()).isEqualTo("deptadmin1");
    }

    @Test
    void suspendUnlistsResumeRelistsWithdrawEndsIt() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        reviewAndPublish(entry, CATALOG_ADMIN, T0);
        entry.suspend("法规修订", CATALOG_ADMIN, T0.plusSeconds(1));
        assertThat(entry.status()).isEqualTo(EntryStatus.SUSPENDED);
        assertThat(entry.published()).isEmpty();
        assertThat(entry.listing()).isNull();
        assertThat(entry.version(1).orElseThrow().status()).isEqualTo(VersionStatus.SUSPENDED);
        assertThat(entry.version(1).orElseThrow().publiclyReadable()).isTrue();

        entry.resume(CATALOG_ADMIN, T0.plusSeconds(2));
        assertThat(entry.published().orElseThrow().version()).isEqualTo(1);
        assertThat(entry.listing()).isNotNull();
        assertThat(((ItemPublished) entry.pendingEvents().get(2).payload()).resumed()).isTrue();

        entry.withdraw("事项取消", CATALOG_ADMIN, T0.plusSeconds(3));
        assertThat(entry.status()).isEqualTo(EntryStatus.WITHDRAWN);
        assertThat(entry.listing()).isNull();
        assertThat(entry.version(1).orElseThrow().status()).isEqualTo(VersionStatus.WITHDRAWN);
        assertThat(entry.pendingEvents()).extracting(OutboxEntry::type).containsExactly("item.published",
                "item.suspended", "item.published", "item.withdrawn");
        assertIllegal(() -> entry.editDraft(Contents.full(), CATALOG_ADMIN, T0), "WITHDRAWN");
        assertIllegal(() -> entry.resume(CATALOG_ADMIN, T0), "WITHDRAWN");
    }

    @Test
    void transitionsThatTheStateDoesNotAllowAreConflicts() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        assertIllegal(() -> entry.suspend("x", CATALOG_ADMIN, T0), "DRAFT");
        assertIllegal(() -> entry.withdraw("x", CATALOG_ADMIN, T0), "DRAFT");
        assertIllegal(() -> entry.resume(CATALOG_ADMIN, T0), "DRAFT");
        reviewAndPublish(entry, CATALOG_ADMIN, T0);
        assertIllegal(() -> entry.publish(SECOND_ADMIN, true, T0), "PUBLISHED"); // nothing in draft
        assertIllegal(() -> entry.submit(CATALOG_ADMIN, T0), "PUBLISHED");
        assertIllegal(() -> entry.returnToDraft("x", SECOND_ADMIN, T0), "PUBLISHED");
        assertIllegal(() -> entry.resume(CATALOG_ADMIN, T0), "PUBLISHED");
    }

    @Test
    void aSuspendedEntryCanBeRevisedAndTheRevisionIsPublishedAgain() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        reviewAndPublish(entry, CATALOG_ADMIN, T0);
        entry.suspend("法规修订", CATALOG_ADMIN, T0);
        entry.editDraft(aContent().name("修订后").build(), CATALOG_ADMIN, T0);
        reviewAndPublish(entry, CATALOG_ADMIN, T0);
        assertThat(entry.status()).isEqualTo(EntryStatus.PUBLISHED);
        assertThat(entry.version(1).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(entry.published().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void departmentAdminsDraftForTheirOwnDepartmentOnlyAndNeverPublish() {
        assertForbidden(() -> aDraft(GAJ_ADMIN));
        assertForbidden(() -> aDraft(OFFICER));
        CatalogEntry entry = aDraft(SCJGJ_ADMIN);
        assertForbidden(() -> entry.editDraft(Contents.full(), GAJ_ADMIN, T0));
        entry.submit(SCJGJ_ADMIN, T0);
        assertForbidden(() -> entry.publish(SCJGJ_ADMIN, true, T0));
        assertForbidden(() -> entry.publish(SCJGJ_ADMIN, false, T0));
        entry.publish(CATALOG_ADMIN, true, T0);
        assertForbidden(() -> entry.suspend("x", SCJGJ_ADMIN, T0));
        assertForbidden(() -> entry.withdraw("x", SCJGJ_ADMIN, T0));
        // a department admin may start a revision of their own department's entry
        assertThat(entry.editDraft(Contents.full(), SCJGJ_ADMIN, T0).version()).isEqualTo(2);
    }

    @Test
    void aSecondPersonPublishesWhatWasSubmittedForReviewNeverItsAuthor() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        entry.editDraft(aContent().name("改名").build(), SCJGJ_ADMIN, T0.plusSeconds(1));
        // a draft that was not submitted is not published, not even by a second person
        assertThatThrownBy(() -> entry.publish(SECOND_ADMIN, true, T0))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_SUBMITTED_FOR_REVIEW");
                    assertThat(e.properties()).containsEntry("currentState", "DRAFT");
                });
        EntryVersion submitted = entry.submit(SCJGJ_ADMIN, T0.plusSeconds(2));
        assertThat(submitted.status()).isEqualTo(VersionStatus.IN_REVIEW);
        assertThat(submitted.publiclyReadable()).isFalse();
        assertThat(entry.status()).isEqualTo(EntryStatus.DRAFT);
        // in review the version is frozen, and submitted once
        assertIllegal(() -> entry.editDraft(Contents.full(), SCJGJ_ADMIN, T0), "IN_REVIEW");
        assertIllegal(() -> entry.submit(SCJGJ_ADMIN, T0), "IN_REVIEW");
        // every author is refused, the first as well as the last; another department's reviewer may not review
        assertSamePerson(() -> entry.publish(CATALOG_ADMIN, true, T0));
        assertForbidden(() -> entry.publish(GAJ_REVIEWER, true, T0));
        assertForbidden(() -> entry.returnToDraft("x", GAJ_REVIEWER, T0));
        assertThat(entry.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(entry.pendingEvents()).isEmpty();

        // the department's reviewer publishes it
        EntryVersion published = entry.publish(SCJGJ_REVIEWER, true, T0.plusSeconds(3));
        assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
        History history = published.history();
        assertThat(history.editors()).containsExactly("catalogadmin1", "deptadmin1");
        assertThat(history.draftedBy()).isEqualTo("deptadmin1");
        assertThat(history.draftedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(history.submittedBy()).isEqualTo("deptadmin1");
        assertThat(history.submittedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(history.reviewedBy()).isEqualTo("reviewer1");
        assertThat(history.reviewOutcome()).isEqualTo(ReviewOutcome.APPROVED);
        assertThat(history.publishedBy()).isEqualTo("reviewer1");
        assertThat(history.publishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(entry.pendingEvents()).extracting(OutboxEntry::type).containsExactly("item.published");
    }

    @Test
    void theReviewerReturnsAVersionToDraftWithAComment() {
        CatalogEntry entry = aDraft(SCJGJ_ADMIN);
        assertIllegal(() -> entry.returnToDraft("x", SECOND_ADMIN, T0), "DRAFT");
        entry.submit(SCJGJ_ADMIN, T0);
        assertForbidden(() -> entry.returnToDraft("x", GAJ_ADMIN, T0));
        EntryVersion returned = entry.returnToDraft("缺少申请书样表", SCJGJ_REVIEWER, T0.plusSeconds(5));
        assertThat(returned.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(returned.history().reviewedBy()).isEqualTo("reviewer1");
        assertThat(returned.history().reviewedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(returned.history().reviewOutcome()).isEqualTo(ReviewOutcome.RETURNED);
        assertThat(returned.history().reviewComment()).isEqualTo("缺少申请书样表");
        // editable again, then submitted again and published by a second person
        entry.editDraft(aContent().name("补充样表").build(), SCJGJ_ADMIN, T0.plusSeconds(6));
        reviewAndPublish(entry, SCJGJ_ADMIN, T0.plusSeconds(7));
        assertThat(entry.published().orElseThrow().content().name()).isEqualTo("补充样表");
    }

    @Test
    void withoutReviewACatalogAdminPublishesTheDraftEvenTheirOwn() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        assertForbidden(() -> entry.publish(SCJGJ_REVIEWER, false, T0));
        EntryVersion published = entry.publish(CATALOG_ADMIN, false, T0);
        assertThat(published.history().publishedBy()).isEqualTo("catalogadmin1");
        assertThat(published.history().reviewedBy()).isNull();
    }

    @Test
    void theSystemPublishesReferenceDataWithoutReviewAndIsRecordedAsSystem() {
        CatalogEntry entry = CatalogEntry.draft(BasicCode.of("XK00105000"), "SCJGJ", "341300", Contents.full(),
                Editor.system(), T0);
        EntryVersion published = entry.publish(Editor.system(), true, T0);
        assertThat(published.publishedBy()).isEqualTo("system");
        assertThat(published.history().publishedBy()).isEqualTo("system");
        assertThat(published.history().reviewedBy()).isNull();
    }

    @Test
    void invalidContentIsRejectedBeforeAnythingChanges() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        assertThatThrownBy(() -> entry.editDraft(aContent().limits(5, 10).build(), CATALOG_ADMIN, T0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("PROMISED_EXCEEDS_STATUTORY"));
        assertThat(entry.openDraft().orElseThrow().content()).isEqualTo(Contents.full());
    }

    private static void assertIllegal(ThrowingCallable call, String state) {
        // a conflict: answered 409 by the platform's problem handler
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("ILLEGAL_STATE_TRANSITION");
            assertThat(e.properties()).containsEntry("currentState", state);
        });
    }

    private static void assertSamePerson(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotAllowedException.class,
                e -> assertThat(e.code()).isEqualTo("SAME_PERSON_DRAFT_AND_PUBLISH"));
    }

    private static void assertForbidden(ThrowingCallable call) {
        // not allowed: answered 403 FORBIDDEN by the platform's problem handler
        assertThatThrownBy(call).isInstanceOfSatisfying(NotAllowedException.class,
                e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
    }
}
