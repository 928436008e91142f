package dev.onewindow.casehandling.entries;

import java.util.Optional;

/**
 * service-catalog's published entries and bundles, as case-handling reads them (the port; {@code clients.catalog}
 * implements it). An entry or bundle the catalog does not know is an empty answer; a catalog that cannot answer
 * throws {@link dev.onewindow.platform.domain.UnavailableException}.
 */
public interface Catalog {

    /** The current published version of an entry. */
    Optional<Entry> currentEntry(String implementationCode);

    /** One version of an entry, whatever its status now. */
    Optional<Entry> entryVersion(String implementationCode, int version);

    Optional<Bundle> bundle(String bundleCode);
}
