package dev.onewindow.catalog.bundle.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.catalog.bundle.Bundle;
import dev.onewindow.catalog.bundle.BundleStatus;
import dev.onewindow.catalog.entry.ImplementationCode;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import dev.onewindow.catalog.entry.web.HistoryResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A bundle as the API shows it (docs/service-contracts.md, "service-catalog → everyone"): its members with the
 * versions it was published with, and the merged material list.
 */
@Schema(description = "A bundled service (一件事): several entries applied for with one submission, led by one "
        + "department. A published bundle pins each member's version; a draft (or a bundle in review) lists its "
        + "members with version 0. `history` (审核发布) only for catalog admins and auditors.")
public record BundleResponse(
        @Schema(maxLength = Codes.BUNDLE_MAX, pattern = Codes.BUNDLE) String code,
        @Schema(maxLength = Limits.SHORT_NAME) String name,
        @Schema(maxLength = Limits.TEXT) String description,
        @Schema(maxLength = Codes.DEPARTMENT_MAX, pattern = Codes.DEPARTMENT) String leadDepartment,
        @Schema(maxLength = Codes.REGION_LENGTH, pattern = Codes.REGION) String region,
        BundleStatus status,
        @ArraySchema(maxItems = Limits.MEMBERS) List<BundleMember> members,
        @ArraySchema(maxItems = Limits.MERGED_MATERIALS) List<MergedMaterial> materials,
        @Schema(maxLength = ApiBounds.INSTANT, description = "null for a draft") Instant publishedAt,
        HistoryResponse history) {

    /** A public answer: no history. */
    static BundleResponse of(Bundle b) {
        return of(b, false);
    }

    static BundleResponse of(Bundle b, boolean withHistory) {
        // a draft has no pinned versions yet: list its members with version 0
        List<BundleMember> members = b.status() == BundleStatus.PUBLISHED
                ? b.members().stream().map(BundleMember::of).toList()
                : b.memberCodes().stream().map(c -> new BundleMember(c, 0, ImplementationCode.departmentOf(c), null))
                        .toList();
        return new BundleResponse(b.code(), b.name(), b.description(), b.leadDepartment(), b.regionCode(),
                b.status(), members, b.materials().stream().map(MergedMaterial::of).toList(), b.publishedAt(),
                withHistory ? HistoryResponse.of(b.history()) : null);
    }

    @Schema(description = "A member entry and the version the bundle was published with (0 in a draft).")
    public record BundleMember(
            @Schema(maxLength = Codes.IMPLEMENTATION_MAX, pattern = Codes.IMPLEMENTATION) String implementationCode,
            @Schema(minimum = "0", maximum = "" + Limits.VERSIONS) int version,
            @Schema(maxLength = Codes.DEPARTMENT_MAX, pattern = Codes.DEPARTMENT) String departmentCode,
            @Schema(maxLength = Limits.NAME, description = "The member version's name; null in a draft") String name) {

        static BundleMember of(dev.onewindow.catalog.bundle.BundleMember member) {
            return new BundleMember(member.implementationCode(), member.version(), member.departmentCode(),
                    member.name());
        }
    }

    @Schema(description = "A material of the merged list (一次告知), asked once however many members need it: required "
            + "if any member requires it, the largest counts, and the e-license types every member needing it "
            + "accepts. `requiredBy` maps it back to each member's own material.")
    public record MergedMaterial(
            @Schema(maxLength = Codes.MERGED_MATERIAL_MAX, pattern = Codes.MERGED_MATERIAL) String code,
            @Schema(maxLength = Limits.MATERIAL_NAME) String name,
            boolean required,
            @Schema(maxLength = Limits.MERGED_CONDITION, description = "The members' conditions; null if required")
            String condition,
            @Schema(minimum = "0", maximum = "" + Limits.COPIES) int originals,
            @Schema(minimum = "0", maximum = "" + Limits.COPIES) int copies,
            @ArraySchema(maxItems = Limits.LICENSE_TYPES, schema = @Schema(maxLength = Codes.LICENSE_TYPE_MAX,
                    pattern = Codes.LICENSE_TYPE)) List<String> acceptedLicenseTypes,
            @ArraySchema(maxItems = Limits.MEMBERS) List<MaterialRef> requiredBy) {

        static MergedMaterial of(dev.onewindow.catalog.bundle.MergedMaterial m) {
            return new MergedMaterial(m.code(), m.name(), m.required(), m.condition(), m.originals(), m.copies(),
                    m.acceptedLicenseTypes(), m.requiredBy().stream()
                            .map(r -> new MaterialRef(r.implementationCode(), r.materialCode())).toList());
        }
    }

    @Schema(description = "A member's own material: the entry and the material's code within it.")
    public record MaterialRef(
            @Schema(maxLength = Codes.IMPLEMENTATION_MAX, pattern = Codes.IMPLEMENTATION) String implementationCode,
            @Schema(maxLength = Codes.MATERIAL_MAX, pattern = Codes.MATERIAL) String materialCode) {
    }
}
