package dev.onewindow.casehandling.clients.catalog;

import java.util.Optional;

import dev.onewindow.casehandling.entries.Bundle;
import dev.onewindow.casehandling.entries.Catalog;
import dev.onewindow.casehandling.entries.Entry;
import org.springframework.stereotype.Component;

/**
 * The domain's {@link Catalog} over service-catalog's API: its answers mapped to the domain's records. Failures are
 * already domain refusals ({@link CatalogFallbackFactory}).
 */
@Component
class CatalogAdapter implements Catalog {

    private final CatalogClient client;

    CatalogAdapter(CatalogClient client) {
        this.client = client;
    }

    @Override
    public Optional<Entry> currentEntry(String implementationCode) {
        return client.currentEntry(implementationCode).map(CatalogAdapter::entry);
    }

    @Override
    public Optional<Entry> entryVersion(String implementationCode, int version) {
        return client.entryVersion(implementationCode, version).map(CatalogAdapter::entry);
    }

    @Override
    public Optional<Bundle> bundle(String bundleCode) {
        return client.bundle(bundleCode).map(CatalogAdapter::bundle);
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
                e.result() == null ? null : new Entry.Result(e.result().kind(), e.result().licenseType()));
    }

    static Bundle bundle(CatalogBundle b) {
        return new Bundle(b.code(), b.name(), b.leadDepartment(), b.status(),
                b.members().stream().map(m -> new Bundle.Member(m.implementationCode(), m.version())).toList(),
                b.materials().stream().map(m -> new Bundle.Material(m.code(), m.name(), m.required(),
                        m.acceptedLicenseTypes(), m.requiredBy().stream().map(r -> new Bundle.MemberMaterial(
                                r.implementationCode(), r.materialCode())).toList())).toList());
    }
}
