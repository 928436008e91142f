package dev.onewindow.catalog.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.History;
import dev.onewindow.catalog.entry.ImplementationCode;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A bundled service "one thing" (一件事, e.g. 出生一件事): several entries applied for with one submission, led by one
 * department. Publishing pins each member's current published version and computes the merged material list, so a
 * bundle never points at a draft; re-publishing after a member's revision pins the new versions.
 *
 * <p>Review before publication (审核发布), as for entries: {@code DRAFT → IN_REVIEW (submit) → PUBLISHED}, published
 * by a second catalog admin, never its author (403 {@code SAME_PERSON_DRAFT_AND_PUBLISH}; 409
 * {@code NOT_SUBMITTED_FOR_REVIEW} for a draft not submitted); the reviewer may return it to draft with a comment.
 * Re-pinning a published bundle needs no new review (its members' versions were each reviewed), but is never done
 * by its author while review is on; the service re-pins as the system.
 */
@Document("bundles")
/* public list of published bundles in code order */
@CompoundIndex(name = "status_code", def = "{'status': 1, '_id': 1}")
/* the bundles an entry belongs to, when the entry is revised */
@CompoundIndex(name = "member_status", def = "{'memberCodes': 1, 'status': 1}")
public class Bundle extends AggregateRoot {

    @Id
    private String code;
    private String name;
    private String description;
    private String leadDepartment;
    private String region;
    private BundleStatus status;
    private List<String> memberCodes = new ArrayList<>();
    private List<BundleMember> members = new ArrayList<>();
    private List<MergedMaterial> materials = new ArrayList<>();
    private Instant publishedAt;
    private Instant createdAt;
    private String createdBy;
    private History history;

    private Bundle() {
    }

    /**
     * A new bundle in draft. The lead department must implement one of the members: it receives the application
     * and answers for the whole.
     */
    public static Bundle draft(String code, String name, String description, String leadDepartment, String region,
            List<String> memberCodes, String by, Instant now) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(memberCodes));
        if (distinct.size() != memberCodes.size()) {
            throw DomainException.invalid("DUPLICATE_MEMBER", "a bundle lists each entry once");
        }
        if (distinct.size() < 2) {
            throw DomainException.invalid("TOO_FEW_MEMBERS", "a bundle combines at least two entries");
        }
        List<String> malformed = distinct.stream().filter(c -> !ImplementationCode.isValid(c)).toList();
        if (!malformed.isEmpty()) {
            throw DomainException.invalid("INVALID_IMPLEMENTATION_CODE", "not implementation codes: " + malformed);
        }
        if (distinct.stream().map(ImplementationCode::departmentOf).noneMatch(leadDepartment::equals)) {
            throw DomainException.invalid("LEAD_NOT_A_MEMBER", "the lead department " + leadDepartment
                    + " implements none of the members");
        }
        Bundle bundle = new Bundle();
        bundle.code = code;
        bundle.name = name;
        bundle.description = description;
        bundle.leadDepartment = leadDepartment;
        bundle.region = region;
        bundle.memberCodes = distinct;
        bundle.status = BundleStatus.DRAFT;
        bundle.createdAt = now;
        bundle.createdBy = by;
        bundle.history = History.drafted(by, now);
        return bundle;
    }

    /** Submits the draft for review (审核): a catalog admin, usually its author. */
    public void submit(Editor by, Instant now) {
        by.requireCatalogAdminFor("submit");
        if (status != BundleStatus.DRAFT) {
            throw DomainException.illegalState(status, "submit the bundle for review");
        }
        status = BundleStatus.IN_REVIEW;
        history = history().submitted(by.username(), now);
    }

    /** The reviewer sends the bundle in review back to draft, saying why. */
    public void returnToDraft(String comment, Editor by, Instant now) {
        by.requireCatalogAdminFor("return");
        if (status != BundleStatus.IN_REVIEW) {
            throw DomainException.illegalState(status, "return the bundle: it is not in review");
        }
        status = BundleStatus.DRAFT;
        history = history().returned(by.username(), comment, now);
    }

    /**
     * Publishes with the members' current published versions ({@code current}, keyed by implementation code; a
     * member without one is missing from it). Every member must be published. With {@code reviewBeforePublication}
     * a person publishes only a bundle submitted for review (or re-pins a published one), and never one they
     * drafted; the system ({@link Editor#system()}) publishes and re-pins without review.
     */
    public void publish(Map<String, MemberSnapshot> current, Editor by, boolean reviewBeforePublication,
            Instant now) {
        by.requireCatalogAdminFor("publish");
        boolean review = reviewBeforePublication && !by.isSystem();
        if (review) {
            if (history().authoredBy(by.username())) {
                throw DomainException.notAllowed("SAME_PERSON_DRAFT_AND_PUBLISH", "you drafted bundle " + code
                        + ": a second catalog admin reviews and publishes it");
            }
            if (status == BundleStatus.DRAFT) {
                throw DomainException.conflict("NOT_SUBMITTED_FOR_REVIEW", "bundle " + code + " is a draft: it is "
                        + "submitted for review before it is published").with("currentState", status.name());
            }
        }
        List<String> unpublished = memberCodes.stream().filter(c -> !current.containsKey(c)).toList();
        if (!unpublished.isEmpty()) {
            throw DomainException.conflict("MEMBER_NOT_PUBLISHED",
                    "every member must have a published version; not published: " + unpublished)
                    .with("members", unpublished);
        }
        boolean firstReview = review && status == BundleStatus.IN_REVIEW;
        List<MemberSnapshot> snapshots = memberCodes.stream().map(current::get).toList();
        members = snapshots.stream().map(s -> new BundleMember(s.implementationCode(), s.version(),
                s.departmentCode(), s.name())).collect(Collectors.toCollection(ArrayList::new));
        materials = new ArrayList<>(BundleMaterials.merge(snapshots));
        status = BundleStatus.PUBLISHED;
        publishedAt = now;
        history = history().published(by.username(), firstReview, now);
        registerEvent("bundle.published", new BundlePublished(code, name, leadDepartment, region, List.copyOf(members),
                List.copyOf(materials), now), now);
    }

    /** Whether publishing again with these snapshots would change nothing (keeps the demo loader idempotent). */
    public boolean publishedWith(Map<String, MemberSnapshot> current) {
        return status == BundleStatus.PUBLISHED && members.stream().allMatch(m -> current.containsKey(
                m.implementationCode()) && current.get(m.implementationCode()).version() == m.version());
    }

    @Override
    protected String aggregateType() {
        return "bundle";
    }

    @Override
    protected String region() {
        return region;
    }

    public String code() { return code; }
    public String name() { return name; }
    public String description() { return description; }
    public String leadDepartment() { return leadDepartment; }
    public String regionCode() { return region; }
    public BundleStatus status() { return status; }
    public List<String> memberCodes() { return List.copyOf(memberCodes); }
    public List<BundleMember> members() { return List.copyOf(members); }
    public List<MergedMaterial> materials() { return List.copyOf(materials); }
    public Instant publishedAt() { return publishedAt; }

    /** Who drafted, submitted, reviewed and published the bundle (derived for bundles stored before it was kept). */
    public History history() {
        if (history == null) {
            History drafted = History.drafted(createdBy, createdAt);
            return publishedAt == null ? drafted : drafted.published(null, false, publishedAt);
        }
        return history;
    }
}
