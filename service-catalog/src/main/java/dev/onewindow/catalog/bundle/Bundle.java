package dev.onewindow.catalog.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        return bundle;
    }

    /**
     * Publishes with the members' current published versions ({@code current}, keyed by implementation code; a
     * member without one is missing from it). Every member must be published.
     */
    public void publish(Map<String, MemberSnapshot> current, Instant now) {
        List<String> unpublished = memberCodes.stream().filter(c -> !current.containsKey(c)).toList();
        if (!unpublished.isEmpty()) {
            throw DomainException.conflict("MEMBER_NOT_PUBLISHED",
                    "every member must have a published version; not published: " + unpublished)
                    .with("members", unpublished);
        }
        List<MemberSnapshot> snapshots = memberCodes.stream().map(current::get).toList();
        members = snapshots.stream().map(s -> new BundleMember(s.implementationCode(), s.version(),
                s.departmentCode(), s.name())).collect(Collectors.toCollection(ArrayList::new));
        materials = new ArrayList<>(BundleMaterials.merge(snapshots));
        status = BundleStatus.PUBLISHED;
        publishedAt = now;
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
}
