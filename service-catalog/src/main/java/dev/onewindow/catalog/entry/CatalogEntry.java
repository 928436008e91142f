package dev.onewindow.catalog.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An implementation list entry (实施清单): one service item as implemented by one department in one region, with all
 * its versions. All versions live in this one document, so every rule of the life cycle (one open draft, at most one
 * current version, publishing freezes a version) is checked and stored in a single optimistically locked save, with
 * its event, and needs no transaction. Reads of one version or of the current one are a lookup by {@code _id} that
 * projects the wanted element of {@code versions}.
 *
 * <pre>
 *   DRAFT ──submit──▶ IN_REVIEW ──publish──▶ PUBLISHED ──suspend──▶ SUSPENDED ──resume──▶ PUBLISHED
 *     ▲                  │                     │  ▲ (edit = new version; publish = revise)   │
 *     └──── return ──────┘                     └──┴──────────── withdraw ──▶ WITHDRAWN ◀─────┘
 * </pre>
 *
 * <p>Review before publication (审核发布): a version is submitted for review and published by a second person — a
 * catalog admin or a reviewer of the entry's department — never by one of its authors (403
 * {@code SAME_PERSON_DRAFT_AND_PUBLISH}); the reviewer may return it to draft with a comment. A version in review
 * is frozen. With review off (a city that reviews elsewhere) a catalog admin publishes a draft directly. The service
 * itself ({@link Editor#system()}) publishes reference data without review.
 */
@Document("catalog_entries")
/* staff lists: entries of one department by status, or everything by status, in code order */
@CompoundIndex(name = "dept_status_code", def = "{'departmentCode': 1, 'status': 1, '_id': 1}")
@CompoundIndex(name = "status_code", def = "{'status': 1, '_id': 1}")
/* public search: bigram keyword match and each filter, results in code order */
@CompoundIndex(name = "search_grams", def = "{'listing.grams': 1}")
@CompoundIndex(name = "search_live", def = "{'listing.live': 1, '_id': 1}")
@CompoundIndex(name = "search_region_dept", def = "{'listing.region': 1, 'listing.departmentCode': 1, '_id': 1}")
@CompoundIndex(name = "search_dept", def = "{'listing.departmentCode': 1, '_id': 1}")
@CompoundIndex(name = "search_topics", def = "{'listing.topics': 1, '_id': 1}")
@CompoundIndex(name = "search_type_depth", def = "{'listing.itemType': 1, 'listing.onlineDepth': 1, '_id': 1}")
@CompoundIndex(name = "search_depth", def = "{'listing.onlineDepth': 1, '_id': 1}")
public class CatalogEntry extends AggregateRoot {

    static final String COLLECTION = "catalog_entries";

    @Id
    private String implementationCode;
    private String basicCode;
    private ItemType itemType;
    private String departmentCode;
    private String region;
    private EntryStatus status;
    /** The version that is (or last was) public: PUBLISHED, SUSPENDED or WITHDRAWN; null before the first publish. */
    private Integer currentVersion;
    /** The version being drafted, or null. */
    private Integer draftVersion;
    private List<EntryVersion> versions = new ArrayList<>();
    /** Search fields, present only while {@link #status} is PUBLISHED. */
    private Listing listing;
    private Instant createdAt;
    private String createdBy;

    private CatalogEntry() {
    }

    /** A new entry with its first version in draft. */
    public static CatalogEntry draft(BasicCode basicCode, String departmentCode, String region, EntryContent content,
            Editor by, Instant now) {
        by.requireDraftFor(departmentCode);
        content.check();
        CatalogEntry entry = new CatalogEntry();
        entry.implementationCode = ImplementationCode.of(basicCode, region, departmentCode);
        entry.basicCode = basicCode.value();
        entry.itemType = basicCode.itemType();
        entry.departmentCode = departmentCode;
        entry.region = region;
        entry.status = EntryStatus.DRAFT;
        entry.versions.add(EntryVersion.draft(1, content, by.username(), now));
        entry.draftVersion = 1;
        entry.createdAt = now;
        entry.createdBy = by.username();
        return entry;
    }

    /**
     * Changes the open draft, or — when the entry has none — starts the next version as a draft (a revision). The
     * published version is not touched until the draft is published.
     */
    public EntryVersion editDraft(EntryContent content, Editor by, Instant now) {
        by.requireDraftFor(departmentCode);
        if (status == EntryStatus.WITHDRAWN) {
            throw DomainException.illegalState(status, "edit");
        }
        EntryVersion open = openDraft().orElse(null);
        if (open != null && open.status() == VersionStatus.IN_REVIEW) {
            throw inReview(open, "edited");
        }
        content.check();
        EntryVersion edited;
        if (draftVersion == null) {
            edited = EntryVersion.draft(lastVersionNumber() + 1, content, by.username(), now);
            versions.add(edited);
            draftVersion = edited.version();
        } else {
            edited = open.edited(content, by.username(), now);
            replace(edited);
        }
        return edited;
    }

    /**
     * Submits the open draft for review (审核): it is frozen until a reviewer publishes it or returns it. Whoever
     * may draft the entry may submit it.
     */
    public EntryVersion submit(Editor by, Instant now) {
        by.requireDraftFor(departmentCode);
        EntryVersion draft = requireOpenDraft("submit");
        if (draft.status() == VersionStatus.IN_REVIEW) {
            throw DomainException.illegalState(VersionStatus.IN_REVIEW, "submit version " + draft.version()
                    + " again");
        }
        draft.content().check();
        EntryVersion submitted = draft.submitted(by.username(), now);
        replace(submitted);
        return submitted;
    }

    /** The reviewer sends the version in review back to draft, saying why ({@code comment}). */
    public EntryVersion returnToDraft(String comment, Editor by, Instant now) {
        by.requireReviewFor(departmentCode, "return");
        EntryVersion draft = requireOpenDraft("return");
        if (draft.status() != VersionStatus.IN_REVIEW) {
            throw DomainException.illegalState(draft.status(), "return version " + draft.version()
                    + ": it is not in review");
        }
        EntryVersion returned = draft.returned(by.username(), comment, now);
        replace(returned);
        return returned;
    }

    /**
     * Makes the open draft the current version: {@code item.published} the first time, {@code item.revised} after.
     * With {@code reviewBeforePublication}, a person publishes only a version submitted for review, as a reviewer
     * of the entry and not as one of its authors; without it, a catalog admin publishes the draft as it is. The
     * system publishes without review.
     */
    public EntryVersion publish(Editor by, boolean reviewBeforePublication, Instant now) {
        boolean review = reviewBeforePublication && !by.isSystem();
        if (review) {
            by.requireReviewFor(departmentCode, "publish");
        } else {
            by.requireCatalogAdmin("publish");
        }
        EntryVersion draft = requireOpenDraft("publish");
        if (review) {
            if (draft.history().authoredBy(by.username())) {
                throw DomainException.notAllowed("SAME_PERSON_DRAFT_AND_PUBLISH", "you drafted version "
                        + draft.version() + " of this entry: a second person reviews and publishes it");
            }
            if (draft.status() != VersionStatus.IN_REVIEW) {
                throw DomainException.conflict("NOT_SUBMITTED_FOR_REVIEW", "version " + draft.version()
                        + " is a draft: it is submitted for review before it is published")
                        .with("currentState", draft.status().name());
            }
        }
        draft.content().check();
        Integer previous = currentVersion;
        if (previous != null) {
            replace(version(previous).orElseThrow().withStatus(VersionStatus.SUPERSEDED, by.username(), now));
        }
        EntryVersion published = draft.published(by.username(), review, now);
        replace(published);
        currentVersion = published.version();
        draftVersion = null;
        status = EntryStatus.PUBLISHED;
        listing = Listing.of(published, itemType, region, departmentCode);
        if (previous == null) {
            registerEvent("item.published", new ItemPublished(implementationCode, published.version(), basicCode,
                    itemType, departmentCode, region, false, now, published.content()), now);
        } else {
            registerEvent("item.revised", new ItemRevised(implementationCode, published.version(), previous,
                    basicCode, itemType, departmentCode, region, now, published.content()), now);
        }
        return published;
    }

    private EntryVersion requireOpenDraft(String action) {
        if (status == EntryStatus.WITHDRAWN || draftVersion == null) {
            throw DomainException.conflict("ILLEGAL_STATE_TRANSITION", status == EntryStatus.WITHDRAWN
                    ? "cannot " + action + " a withdrawn entry" : "cannot " + action + ": the entry has no draft")
                    .with("currentState", status.name());
        }
        return openDraft().orElseThrow();
    }

    private static DomainException inReview(EntryVersion version, String attempted) {
        return DomainException.conflict("ILLEGAL_STATE_TRANSITION", "version " + version.version()
                + " is in review and cannot be " + attempted + "; a reviewer returns it to draft first")
                .with("currentState", VersionStatus.IN_REVIEW.name());
    }

    /** Stops accepting applications for now (暂停): unlisted, the version stays readable by number. */
    public void suspend(String reason, Editor by, Instant now) {
        by.requireCatalogAdmin("suspend");
        if (status != EntryStatus.PUBLISHED) {
            throw DomainException.illegalState(status, "suspend");
        }
        replace(current().withStatus(VersionStatus.SUSPENDED, by.username(), now));
        status = EntryStatus.SUSPENDED;
        listing = null;
        registerEvent("item.suspended", new ItemSuspended(implementationCode, currentVersion, departmentCode, region,
                reason, now), now);
    }

    /** Lists the suspended version again, announced as {@code item.published} with {@code resumed=true}. */
    public void resume(Editor by, Instant now) {
        by.requireCatalogAdmin("resume");
        if (status != EntryStatus.SUSPENDED) {
            throw DomainException.illegalState(status, "resume");
        }
        EntryVersion resumed = current().withStatus(VersionStatus.PUBLISHED, by.username(), now);
        replace(resumed);
        status = EntryStatus.PUBLISHED;
        listing = Listing.of(resumed, itemType, region, departmentCode);
        registerEvent("item.published", new ItemPublished(implementationCode, resumed.version(), basicCode,
                itemType, departmentCode, region, true, now, resumed.content()), now);
    }

    /** Cancels the entry for good (取消). Its published versions stay readable by number for the cases under them. */
    public void withdraw(String reason, Editor by, Instant now) {
        by.requireCatalogAdmin("withdraw");
        if (status != EntryStatus.PUBLISHED && status != EntryStatus.SUSPENDED) {
            throw DomainException.illegalState(status, "withdraw");
        }
        replace(current().withStatus(VersionStatus.WITHDRAWN, by.username(), now));
        status = EntryStatus.WITHDRAWN;
        listing = null;
        registerEvent("item.withdrawn", new ItemWithdrawn(implementationCode, currentVersion, departmentCode, region,
                reason, now), now);
    }

    public Optional<EntryVersion> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    public Optional<EntryVersion> openDraft() {
        return draftVersion == null ? Optional.empty() : version(draftVersion);
    }

    /** The current published version, if the entry is PUBLISHED. */
    public Optional<EntryVersion> published() {
        return status == EntryStatus.PUBLISHED ? version(currentVersion) : Optional.empty();
    }

    private EntryVersion current() {
        return version(currentVersion).orElseThrow();
    }

    private int lastVersionNumber() {
        return versions.stream().mapToInt(EntryVersion::version).max().orElse(0);
    }

    private void replace(EntryVersion changed) {
        versions.replaceAll(v -> v.version() == changed.version() ? changed : v);
    }

    @Override
    protected String aggregateType() {
        // the contract's topic is service-catalog.item.events.v1: entries are what consumers call "items"
        return "item";
    }

    @Override
    protected String region() {
        return region;
    }

    public String implementationCode() { return implementationCode; }
    public String basicCode() { return basicCode; }
    public ItemType itemType() { return itemType; }
    public String departmentCode() { return departmentCode; }
    public String regionCode() { return region; }
    public EntryStatus status() { return status; }
    public Integer currentVersion() { return currentVersion; }
    public Integer draftVersion() { return draftVersion; }
    public List<EntryVersion> versions() { return List.copyOf(versions); }
    public Listing listing() { return listing; }
}
