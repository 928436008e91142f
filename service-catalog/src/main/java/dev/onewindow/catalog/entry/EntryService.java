package dev.onewindow.catalog.entry;

import java.time.Clock;
import java.time.Instant;

import dev.onewindow.catalog.config.CatalogProperties;
import dev.onewindow.catalog.department.Department;
import dev.onewindow.catalog.department.DepartmentRepository;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ServiceItem;
import dev.onewindow.catalog.item.ServiceItemRepository;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Commands on implementation list entries: load the aggregate, let it apply its rules, save state and event in one
 * optimistically locked write. {@code expectedRevision} (from the client's {@code If-Match}) turns a lost update
 * between two editors into a 409 even when their requests do not overlap in time.
 */
@Service
public class EntryService {

    private final CatalogEntryRepository entries;
    private final ServiceItemRepository items;
    private final DepartmentRepository departments;
    private final Clock clock;
    private final boolean reviewBeforePublication;

    EntryService(CatalogEntryRepository entries, ServiceItemRepository items, DepartmentRepository departments,
            Clock clock, CatalogProperties properties) {
        this.entries = entries;
        this.items = items;
        this.departments = departments;
        this.clock = clock;
        this.reviewBeforePublication = properties.reviewBeforePublication();
    }

    public CatalogEntry create(Editor by, EntryDraft draft) {
        // the role rule first: a department admin learns nothing about other departments' codes
        by.requireDraftFor(draft.departmentCode());
        BasicCode basicCode = BasicCode.of(draft.basicCode());
        ServiceItem item = items.findById(basicCode.value()).orElseThrow(() -> DomainException.invalid(
                "UNKNOWN_ITEM", "service item " + basicCode + " is not in the catalog; define it first"));
        Department department = departments.findById(draft.departmentCode()).orElseThrow(() ->
                DomainException.invalid("UNKNOWN_DEPARTMENT", "department " + draft.departmentCode()
                        + " is not registered"));
        CatalogEntry entry = CatalogEntry.draft(basicCode, department.code(), department.region(),
                draft.toContent(item), by, clock.instant());
        try {
            return entries.insert(entry);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("ENTRY_EXISTS", "entry " + entry.implementationCode()
                    + " already exists; edit its draft instead");
        }
    }

    /** Edits the open draft, or starts a revision of a published entry. */
    public CatalogEntry saveDraft(Editor by, String code, EntryDraft draft, Long expectedRevision) {
        CatalogEntry entry = load(code, expectedRevision);
        if (draft.basicCode() != null && !draft.basicCode().equals(entry.basicCode())
                || draft.departmentCode() != null && !draft.departmentCode().equals(entry.departmentCode())) {
            throw DomainException.invalid("IDENTITY_MISMATCH", "basicCode and departmentCode of an entry cannot "
                    + "change; they make up its code " + code);
        }
        ServiceItem item = items.findById(entry.basicCode()).orElseThrow(() -> DomainException.invalid(
                "UNKNOWN_ITEM", "service item " + entry.basicCode() + " is no longer in the catalog"));
        entry.editDraft(draft.toContent(item), by, clock.instant());
        return entries.save(entry);
    }

    /** Submits the open draft for review (审核). */
    public CatalogEntry submit(Editor by, String code, Long expectedRevision) {
        CatalogEntry entry = load(code, expectedRevision);
        entry.submit(by, clock.instant());
        return entries.save(entry);
    }

    /** Returns the version in review to draft, with the reviewer's comment. */
    public CatalogEntry returnToDraft(Editor by, String code, String comment, Long expectedRevision) {
        CatalogEntry entry = load(code, expectedRevision);
        entry.returnToDraft(comment, by, clock.instant());
        return entries.save(entry);
    }

    /** Publishes the open draft (review before publication as configured: {@code onewindow.catalog.*}). */
    public CatalogEntry publish(Editor by, String code, Long expectedRevision) {
        CatalogEntry entry = load(code, expectedRevision);
        entry.publish(by, reviewBeforePublication, clock.instant());
        return entries.save(entry);
    }

    public CatalogEntry suspend(Editor by, String code, String reason, Long expectedRevision) {
        CatalogEntry entry = load(code, expectedRevision);
        entry.suspend(reason, by, clock.instant());
        return entries.save(entry);
    }

    public CatalogEntry resume(Editor by, String code, Long expectedRevision) {
        CatalogEntry entry = load(code, expectedRevision);
        entry.resume(by, clock.instant());
        return entries.save(entry);
    }

    public CatalogEntry withdraw(Editor by, String code, String reason, Long expectedRevision) {
        CatalogEntry entry = load(code, expectedRevision);
        entry.withdraw(reason, by, clock.instant());
        return entries.save(entry);
    }

    /** What {@link #importPublished} did. */
    public enum ImportOutcome { CREATED, REVISED, UNCHANGED }

    /**
     * Makes sure the entry exists and its current published version says exactly {@code draft} — creating and
     * publishing it, or publishing a revision when it says something else. Running it twice changes nothing the
     * second time. An entry an admin suspended or withdrew, or whose draft is in review, is left alone. Used to load
     * reference and demo data, as the system ({@link Editor#system()}): no person, so no review.
     */
    public ImportOutcome importPublished(Editor by, EntryDraft draft) {
        BasicCode basicCode = BasicCode.of(draft.basicCode());
        Department department = departments.findById(draft.departmentCode()).orElseThrow(() ->
                DomainException.invalid("UNKNOWN_DEPARTMENT", "department " + draft.departmentCode()
                        + " is not registered"));
        String code = ImplementationCode.of(basicCode, department.region(), department.code());
        CatalogEntry entry = entries.findById(code).orElse(null);
        if (entry == null) {
            create(by, draft);
            publish(by, code, null);
            return ImportOutcome.CREATED;
        }
        if (entry.status() == EntryStatus.SUSPENDED || entry.status() == EntryStatus.WITHDRAWN
                || entry.openDraft().map(v -> v.status() == VersionStatus.IN_REVIEW).orElse(false)) {
            return ImportOutcome.UNCHANGED;
        }
        ServiceItem item = items.findById(entry.basicCode()).orElseThrow(() -> DomainException.invalid(
                "UNKNOWN_ITEM", "service item " + entry.basicCode() + " is not in the catalog"));
        EntryContent wanted = draft.toContent(item);
        if (entry.published().map(v -> v.content().equals(wanted)).orElse(false) && entry.draftVersion() == null) {
            return ImportOutcome.UNCHANGED;
        }
        Instant now = clock.instant();
        entry.editDraft(wanted, by, now);
        entry.publish(by, reviewBeforePublication, now);
        entries.save(entry);
        return ImportOutcome.REVISED;
    }

    private CatalogEntry load(String code, Long expectedRevision) {
        CatalogEntry entry = entries.findById(code).orElseThrow(() -> DomainException.notFound("entry", code));
        if (expectedRevision != null && !expectedRevision.equals(entry.version())) {
            throw DomainException.conflict("CONCURRENT_UPDATE", "entry " + code + " was changed since you read it "
                    + "(your revision " + expectedRevision + ", now " + entry.version() + "); reload it and try again");
        }
        return entry;
    }
}
