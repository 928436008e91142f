package dev.onewindow.catalog.entry;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads of entries. The current published version and any numbered version are each one lookup by {@code _id}
 * (the unique primary index) that projects only the wanted element of the versions array ({@code $elemMatch}), so
 * an entry with many versions costs no more to read than one with a single version.
 */
@Service
public class EntryReads {

    private final MongoTemplate mongo;
    private final CatalogEntryRepository entries;

    EntryReads(MongoTemplate mongo, CatalogEntryRepository entries) {
        this.mongo = mongo;
        this.entries = entries;
    }

    /** The current published version; empty if the entry does not exist or has none (draft, suspended, withdrawn). */
    public Optional<EntryView> current(String code) {
        return view(code, where("status").is(VersionStatus.PUBLISHED));
    }

    /**
     * Version {@code number}, whatever its status now, if the viewer may see it: versions that were published are
     * public; drafts only for staff of the entry's department and catalog admins.
     */
    public Optional<EntryView> version(String code, int number, Viewer viewer) {
        return view(code, where("version").is(number))
                .filter(v -> v.version().isPresent())
                .filter(v -> v.version().get().publiclyReadable() || viewer.maySeeDraftsOf(v.departmentCode()));
    }

    /** The whole entry (all versions) for staff views; empty when the viewer may see none of it. */
    public Optional<CatalogEntry> entry(String code, Viewer viewer) {
        return entries.findById(code).filter(e -> e.currentVersion() != null
                || viewer.maySeeDraftsOf(e.departmentCode()));
    }

    /** Staff list: entries of a department and/or status, in code order; {@code page} is a bounded page. */
    public Page<CatalogEntry> list(String departmentCode, EntryStatus status, PageRequest page) {
        PageRequest request = page.withSort(Sort.by("implementationCode"));
        if (departmentCode != null && status != null) {
            return entries.findByDepartmentCodeAndStatus(departmentCode, status, request);
        }
        if (departmentCode != null) {
            return entries.findByDepartmentCode(departmentCode, request);
        }
        return status != null ? entries.findByStatus(status, request) : entries.findAll(request);
    }

    private Optional<EntryView> view(String code, Criteria versionCriteria) {
        Query query = Query.query(where("_id").is(code));
        query.fields().include("basicCode", "itemType", "departmentCode", "region", "status")
                .elemMatch("versions", versionCriteria);
        return Optional.ofNullable(mongo.findOne(query, EntryView.class, CatalogEntry.COLLECTION))
                .filter(v -> !v.versions().isEmpty());
    }
}
