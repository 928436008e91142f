package dev.onewindow.casehandling.entries;

import java.util.List;
import java.util.Optional;

import dev.onewindow.platform.domain.DomainException;
import org.springframework.stereotype.Service;

/**
 * The entry version or bundle an application is judged under: it must exist and be published, and an entry must
 * name its promised limit, department and region (a case cannot be handled without them).
 */
@Service
public class EntryLookup {

    private final Catalog catalog;

    EntryLookup(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The requested version, or the current published one when {@code version} is null. */
    public Entry published(String implementationCode, Integer version) {
        Optional<Entry> found = version == null ? catalog.currentEntry(implementationCode)
                : catalog.entryVersion(implementationCode, version);
        Entry entry = found.orElseThrow(() -> DomainException.invalid("UNKNOWN_ENTRY",
                "there is no " + (version == null ? "published entry " : "version " + version + " of entry ")
                        + implementationCode).with("implementationCode", implementationCode));
        if (!entry.published()) {
            throw DomainException.invalid("ENTRY_NOT_PUBLISHED", "version " + entry.version() + " of "
                    + implementationCode + " is not published; applications are taken only for published versions")
                    .with("entryStatus", String.valueOf(entry.status()));
        }
        if (entry.promisedLimitDays() == null || entry.promisedLimitDays() < 0 || entry.departmentCode() == null
                || entry.region() == null) {
            throw DomainException.unavailable("CATALOG_ENTRY_INCOMPLETE",
                    "the catalog entry lacks its promised limit, department or region");
        }
        return entry;
    }

    /** A published bundle with at least one member. */
    public Bundle publishedBundle(String bundleCode) {
        Bundle bundle = catalog.bundle(bundleCode).orElseThrow(() -> DomainException.invalid("UNKNOWN_BUNDLE",
                "there is no bundle " + bundleCode));
        if (!bundle.published()) {
            throw DomainException.invalid("BUNDLE_NOT_PUBLISHED", "bundle " + bundle.code() + " is not published")
                    .with("bundleStatus", String.valueOf(bundle.status()));
        }
        if (bundle.members().isEmpty()) {
            throw DomainException.invalid("UNKNOWN_BUNDLE", "bundle " + bundle.code() + " has no members");
        }
        return bundle;
    }

    /** Each member's entry version, in the bundle's order. */
    public List<Entry> members(Bundle bundle) {
        return bundle.members().stream().map(m -> published(m.implementationCode(), m.version())).toList();
    }
}
