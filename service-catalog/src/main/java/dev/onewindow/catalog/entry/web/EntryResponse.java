package dev.onewindow.catalog.entry.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.catalog.entry.AutoApproval;
import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.EntryContent;
import dev.onewindow.catalog.entry.EntryVersion;
import dev.onewindow.catalog.entry.EntryView;
import dev.onewindow.catalog.entry.Fee;
import dev.onewindow.catalog.entry.Material;
import dev.onewindow.catalog.entry.ProcessStep;
import dev.onewindow.catalog.entry.Result;
import dev.onewindow.catalog.entry.VersionStatus;
import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.ItemType;

/**
 * One version of an entry: the {@code EntryResponse} of docs/service-contracts.md (other services read it through
 * Feign); the fields after {@code fee} are additions. {@code status} is this version's status.
 */
public record EntryResponse(
        String implementationCode,
        int version,
        VersionStatus status,
        String basicCode,
        ItemType itemType,
        String name,
        String departmentCode,
        String region,
        List<ApplicantType> applicantTypes,
        List<Material> materials,
        int statutoryLimitDays,
        int promisedLimitDays,
        int onlineDepth,
        int visits,
        boolean crossProvince,
        boolean proactive,
        AutoApproval autoApproval,
        Result result,
        List<ProcessStep> steps,
        Fee fee,
        String description,
        String acceptanceConditions,
        List<String> topics,
        boolean immediate,
        Instant publishedAt) {

    static EntryResponse of(EntryView view) {
        return of(view.implementationCode(), view.basicCode(), view.itemType(), view.departmentCode(), view.region(),
                view.version().orElseThrow());
    }

    static EntryResponse of(CatalogEntry entry, EntryVersion version) {
        return of(entry.implementationCode(), entry.basicCode(), entry.itemType(), entry.departmentCode(),
                entry.regionCode(), version);
    }

    private static EntryResponse of(String code, String basicCode, ItemType itemType, String departmentCode,
            String region, EntryVersion version) {
        EntryContent c = version.content();
        return new EntryResponse(code, version.version(), version.status(), basicCode, itemType, c.name(),
                departmentCode, region, c.applicantTypes(), c.materials(), c.statutoryLimitDays(),
                c.promisedLimitDays(), c.onlineDepth(), c.visits(), c.crossProvince(), c.proactive(),
                c.autoApproval(), c.result(), c.steps(), c.fee(), c.description(), c.acceptanceConditions(),
                c.topics(), c.immediate(), version.publishedAt());
    }
}
