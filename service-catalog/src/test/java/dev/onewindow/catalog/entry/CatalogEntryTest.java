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

/** The entry life cycle (draft → published → revised → suspended / withdrawn) and who may do what, without Spring. */
class CatalogEntryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Editor CATALOG_ADMIN = new Editor("catalogadmin1", true, false, "SJZYJ");
    private static final Editor SCJGJ_ADMIN = new Editor("deptadmin1", false, true, "SCJGJ");
    private static final Editor GAJ_ADMIN = new Editor("deptadmin2", false, true, "GAJ");
    private static final Editor OFFICER = new Editor("officer1", false, false, "SCJGJ");

    private static CatalogEntry aDraft(Editor by) {
        return CatalogEntry.draft(BasicCode.of("XK00105000"), "SCJGJ", "341300", Contents.full(), by, T0);
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
        entry.publish(CATALOG_ADMIN, T0.plusSeconds(60));

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
        entry.publish(CATALOG_ADMIN, T0);
        EntryVersion draft = entry.editDraft(aContent().name("食品经营许可（2026版）").limits(20, 8)
                .steps(new ProcessStep("受理", 1), new ProcessStep("审查", 4), new ProcessStep("决定", 3)).build(),
                SCJGJ_ADMIN, T0.plusSeconds(10));
        assertThat(draft.version()).isEqualTo(2);
        // until the revision is published, the public still gets version 1
        assertThat(entry.published().orElseThrow().version()).isEqualTo(1);
        assertThat(entry.listing().name()).isEqualTo("食品经营许可");

        entry.publish(CATALOG_ADMIN, T0.plusSeconds(20));
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
        entry.publish(CATALOG_ADMIN, T0);
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
        entry.publish(CATALOG_ADMIN, T0);
        assertIllegal(() -> entry.publish(CATALOG_ADMIN, T0), "PUBLISHED"); // nothing in draft
        assertIllegal(() -> entry.resume(CATALOG_ADMIN, T0), "PUBLISHED");
    }

    @Test
    void aSuspendedEntryCanBeRevisedAndTheRevisionIsPublishedAgain() {
        CatalogEntry entry = aDraft(CATALOG_ADMIN);
        entry.publish(CATALOG_ADMIN, T0);
        entry.suspend("法规修订", CATALOG_ADMIN, T0);
        entry.editDraft(aContent().name("修订后").build(), CATALOG_ADMIN, T0);
        entry.publish(CATALOG_ADMIN, T0);
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
        assertForbidden(() -> entry.publish(SCJGJ_ADMIN, T0));
        entry.publish(CATALOG_ADMIN, T0);
        assertForbidden(() -> entry.suspend("x", SCJGJ_ADMIN, T0));
        assertForbidden(() -> entry.withdraw("x", SCJGJ_ADMIN, T0));
        // a department admin may start a revision of their own department's entry
        assertThat(entry.editDraft(Contents.full(), SCJGJ_ADMIN, T0).version()).isEqualTo(2);
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

    private static void assertForbidden(ThrowingCallable call) {
        // not allowed: answered 403 FORBIDDEN by the platform's problem handler
        assertThatThrownBy(call).isInstanceOfSatisfying(NotAllowedException.class,
                e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
    }
}
