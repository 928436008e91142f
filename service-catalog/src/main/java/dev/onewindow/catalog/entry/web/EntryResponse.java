package dev.onewindow.catalog.entry.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.EntryContent;
import dev.onewindow.catalog.entry.EntryVersion;
import dev.onewindow.catalog.entry.EntryView;
import dev.onewindow.catalog.entry.VersionStatus;
import dev.onewindow.catalog.entry.Viewer;
import dev.onewindow.catalog.entry.web.EntryParts.AutoApproval;
import dev.onewindow.catalog.entry.web.EntryParts.Fee;
import dev.onewindow.catalog.entry.web.EntryParts.FormField;
import dev.onewindow.catalog.entry.web.EntryParts.Material;
import dev.onewindow.catalog.entry.web.EntryParts.ProcessStep;
import dev.onewindow.catalog.entry.web.EntryParts.Result;
import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One version of an entry: the {@code EntryResponse} of docs/service-contracts.md (other services read it through
 * Feign); the fields after {@code fee} are additions. {@code status} is this version's status; {@code history} is
 * for staff of the entry's department, catalog admins and auditors only (null for anyone else).
 */
@Schema(description = "One version of an implementation list entry (实施清单). `status` is this version's own status "
        + "(`DRAFT`, `IN_REVIEW`, `PUBLISHED`, `SUPERSEDED`, `SUSPENDED`, `WITHDRAWN`); `immediate` (即办件) means "
        + "`promisedLimitDays` is 0; `formFields` is the application form (empty when it defines none).")
public record EntryResponse(
        @Schema(maxLength = Codes.IMPLEMENTATION_MAX, pattern = Codes.IMPLEMENTATION) String implementationCode,
        @Schema(minimum = "1", maximum = "" + Limits.VERSIONS) int version,
        VersionStatus status,
        @Schema(maxLength = Codes.BASIC_LENGTH, pattern = Codes.BASIC) String basicCode,
        ItemType itemType,
        @Schema(maxLength = Limits.NAME) String name,
        @Schema(maxLength = Codes.DEPARTMENT_MAX, pattern = Codes.DEPARTMENT) String departmentCode,
        @Schema(maxLength = Codes.REGION_LENGTH, pattern = Codes.REGION) String region,
        @ArraySchema(maxItems = Limits.APPLICANT_TYPES) List<ApplicantType> applicantTypes,
        @ArraySchema(maxItems = Limits.MATERIALS) List<Material> materials,
        @Schema(minimum = "0", maximum = "" + Limits.LIMIT_DAYS) int statutoryLimitDays,
        @Schema(minimum = "0", maximum = "" + Limits.LIMIT_DAYS) int promisedLimitDays,
        @Schema(minimum = "" + Limits.ONLINE_DEPTH_MIN, maximum = "" + Limits.ONLINE_DEPTH_MAX) int onlineDepth,
        @Schema(minimum = "0", maximum = "" + Limits.VISITS) int visits,
        boolean crossProvince,
        boolean proactive,
        AutoApproval autoApproval,
        Result result,
        @ArraySchema(maxItems = Limits.STEPS) List<ProcessStep> steps,
        Fee fee,
        @Schema(maxLength = Limits.TEXT) String description,
        @Schema(maxLength = Limits.TEXT) String acceptanceConditions,
        @ArraySchema(maxItems = Limits.ENTRY_TOPICS, schema = @Schema(maxLength = Limits.TOPIC)) List<String> topics,
        boolean immediate,
        @Schema(maxLength = ApiBounds.INSTANT, description = "When this version was published; null for a draft")
        Instant publishedAt,
        @ArraySchema(maxItems = Limits.FORM_FIELDS) List<FormField> formFields,
        HistoryResponse history) {

    /** A public answer: no history. */
    static EntryResponse of(EntryView view) {
        return of(view, Viewer.ANONYMOUS);
    }

    /** The history only when the viewer may see the department's drafts (staff, catalog admins, auditors). */
    static EntryResponse of(EntryView view, Viewer viewer) {
        return of(view.implementationCode(), view.basicCode(), view.itemType(), view.departmentCode(), view.region(),
                view.version().orElseThrow(), viewer.maySeeDraftsOf(view.departmentCode()));
    }

    /** An answer to a write: its caller is staff of the entry. */
    static EntryResponse of(CatalogEntry entry, EntryVersion version) {
        return of(entry.implementationCode(), entry.basicCode(), entry.itemType(), entry.departmentCode(),
                entry.regionCode(), version, true);
    }

    private static EntryResponse of(String code, String basicCode, ItemType itemType, String departmentCode,
            String region, EntryVersion version, boolean withHistory) {
        EntryContent c = version.content();
        return new EntryResponse(code, version.version(), version.status(), basicCode, itemType, c.name(),
                departmentCode, region, c.applicantTypes(), c.materials().stream().map(Material::of)
                        .toList(), c.statutoryLimitDays(), c.promisedLimitDays(), c.onlineDepth(), c.visits(),
                c.crossProvince(), c.proactive(), AutoApproval.of(c.autoApproval()),
                Result.of(c.result()), c.steps().stream().map(ProcessStep::of).toList(),
                Fee.of(c.fee()), c.description(), c.acceptanceConditions(), c.topics(), c.immediate(),
                version.publishedAt(), c.formFields().stream().map(FormField::of).toList(),
                withHistory ? HistoryResponse.of(version.history()) : null);
    }
}
