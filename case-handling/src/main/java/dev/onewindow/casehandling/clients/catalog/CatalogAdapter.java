package dev.onewindow.casehandling.clients.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.entries.Bundle;
import dev.onewindow.casehandling.entries.Catalog;
import dev.onewindow.casehandling.entries.Entry;
import dev.onewindow.platform.peers.PeerIdentifiers;
import org.springframework.stereotype.Component;

/**
 * The domain's {@link Catalog} over service-catalog's API: its answers mapped to the domain's records. Failures are
 * already domain refusals ({@link CatalogFallbackFactory}), and so are the catalog's 4xx (the platform's
 * {@code PeerErrorDecoder}: the caller's input was wrong, the catalog is fine). A code is checked before it goes into
 * the catalog's URL: what is not a code at all never reaches the catalog.
 */
@Component
class CatalogAdapter implements Catalog {

    /** Implementation and bundle codes as the case API documents them (letters, digits, '_' and '-'; at most 64). */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CatalogClient client;

    CatalogAdapter(CatalogClient client) {
        this.client = client;
    }

    @Override
    public Optional<Entry> currentEntry(String implementationCode) {
        return client.currentEntry(PeerIdentifiers.require(implementationCode, CODE, "implementationCode"))
                .map(CatalogAdapter::entry);
    }

    @Override
    public Optional<Entry> entryVersion(String implementationCode, int version) {
        return client.entryVersion(PeerIdentifiers.require(implementationCode, CODE, "implementationCode"), version)
                .map(CatalogAdapter::entry);
    }

    @Override
    public Optional<Bundle> bundle(String bundleCode) {
        return client.bundle(PeerIdentifiers.require(bundleCode, CODE, "bundleCode")).map(CatalogAdapter::bundle);
    }

    static Entry entry(CatalogEntry e) {
        return new Entry(e.implementationCode(), e.version(), e.status(), e.name(), e.itemType(), e.departmentCode(),
                e.region(), e.applicantTypes(),
                e.materials().stream().map(m -> new Entry.Material(m.code(), m.name(), m.required(),
                        m.acceptedLicenseTypes())).toList(),
                e.statutoryLimitDays(), e.promisedLimitDays(),
                e.autoApproval() == null ? null : new Entry.AutoApproval(e.autoApproval().enabled(),
                        e.autoApproval().ruleSetVersion(), e.autoApproval().rules().stream()
                                .map(r -> new Entry.Rule(r.type(), r.licenseType(), r.field(), r.min(), r.max(),
                                        r.value())).toList()),
                e.result() == null ? null : new Entry.Result(e.result().kind(), e.result().licenseType()),
                e.formFields().stream().filter(f -> f.name() != null).map(f -> new Entry.FormField(f.name(),
                        f.label(), Boolean.TRUE.equals(f.personal()), Boolean.TRUE.equals(f.required()))).toList(),
                e.steps().stream().filter(s -> s.name() != null && s.limitDays() != null)
                        .map(s -> new Entry.Step(s.name(), s.limitDays())).toList());
    }

    static Bundle bundle(CatalogBundle b) {
        return new Bundle(b.code(), b.name(), b.leadDepartment(), b.status(),
                b.members().stream().map(m -> new Bundle.Member(m.implementationCode(), m.version())).toList(),
                b.materials().stream().map(m -> new Bundle.Material(m.code(), m.name(), m.required(),
                        m.acceptedLicenseTypes(), m.requiredBy().stream().map(r -> new Bundle.MemberMaterial(
                                r.implementationCode(), r.materialCode())).toList())).toList());
    }
}
