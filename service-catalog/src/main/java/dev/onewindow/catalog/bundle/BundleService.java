package dev.onewindow.catalog.bundle;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.config.CatalogProperties;
import dev.onewindow.catalog.department.Department;
import dev.onewindow.catalog.department.DepartmentRepository;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.EntryReads;
import dev.onewindow.catalog.entry.EntryVersion;
import dev.onewindow.catalog.entry.EntryView;
import dev.onewindow.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Commands on bundles; only catalog admins reach them (checked at the controller and by the bundle). Publication
 * follows review before publication as configured ({@code onewindow.catalog.review-before-publication}).
 */
@Service
public class BundleService {

    private static final Logger log = LoggerFactory.getLogger(BundleService.class);

    private final BundleRepository bundles;
    private final DepartmentRepository departments;
    private final EntryReads entries;
    private final Clock clock;
    private final boolean reviewBeforePublication;

    BundleService(BundleRepository bundles, DepartmentRepository departments, EntryReads entries, Clock clock,
            CatalogProperties properties) {
        this.bundles = bundles;
        this.departments = departments;
        this.entries = entries;
        this.clock = clock;
        this.reviewBeforePublication = properties.reviewBeforePublication();
    }

    public Bundle create(String code, String name, String description, String leadDepartment,
            List<String> memberCodes, String by) {
        Department lead = departments.findById(leadDepartment).orElseThrow(() -> DomainException.invalid(
                "UNKNOWN_DEPARTMENT", "department " + leadDepartment + " is not registered"));
        Bundle bundle = Bundle.draft(code, name, description, lead.code(), lead.region(), memberCodes, by,
                clock.instant());
        try {
            return bundles.insert(bundle);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("BUNDLE_EXISTS", "bundle " + code + " already exists");
        }
    }

    public Bundle submit(Editor by, String code, Long expectedRevision) {
        Bundle bundle = load(code, expectedRevision);
        bundle.submit(by, clock.instant());
        return bundles.save(bundle);
    }

    public Bundle returnToDraft(Editor by, String code, String comment, Long expectedRevision) {
        Bundle bundle = load(code, expectedRevision);
        bundle.returnToDraft(comment, by, clock.instant());
        return bundles.save(bundle);
    }

    public Bundle publish(Editor by, String code, Long expectedRevision) {
        Bundle bundle = load(code, expectedRevision);
        bundle.publish(currentMembers(bundle), by, reviewBeforePublication, clock.instant());
        return bundles.save(bundle);
    }

    private Bundle load(String code, Long expectedRevision) {
        Bundle bundle = bundles.findById(code).orElseThrow(() -> DomainException.notFound("bundle", code));
        if (expectedRevision != null && !expectedRevision.equals(bundle.version())) {
            throw DomainException.conflict("CONCURRENT_UPDATE", "bundle " + code + " was changed since you read it");
        }
        return bundle;
    }

    /**
     * Publishes again every published bundle containing {@code memberCode} whose pinned versions are no longer the
     * members' current ones. A bundle with a member that is not published now (suspended, withdrawn) stays as it is.
     *
     * @return how many bundles were re-published
     */
    public int repinMember(String memberCode) {
        int republished = 0;
        for (Bundle bundle : bundles.findByMemberCodesAndStatus(memberCode, BundleStatus.PUBLISHED)) {
            Map<String, MemberSnapshot> current = currentMembers(bundle);
            if (bundle.publishedWith(current)) {
                continue;
            }
            if (current.size() < bundle.memberCodes().size()) {
                log.info("bundle {} keeps its pinned versions: not every member is published", bundle.code());
                continue;
            }
            bundle.publish(current, Editor.system(), reviewBeforePublication, clock.instant());
            bundles.save(bundle);
            republished++;
        }
        return republished;
    }

    /** The current published version of each member that has one. */
    public Map<String, MemberSnapshot> currentMembers(Bundle bundle) {
        Map<String, MemberSnapshot> current = new LinkedHashMap<>();
        for (String member : bundle.memberCodes()) {
            entries.current(member).ifPresent(view -> current.put(member, snapshot(view)));
        }
        return current;
    }

    private static MemberSnapshot snapshot(EntryView view) {
        EntryVersion version = view.version().orElseThrow();
        return new MemberSnapshot(view.implementationCode(), version.version(), view.departmentCode(),
                version.content().name(), version.content().materials());
    }
}
