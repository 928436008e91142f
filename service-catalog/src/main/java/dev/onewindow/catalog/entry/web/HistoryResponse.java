package dev.onewindow.catalog.entry.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.catalog.entry.History;
import dev.onewindow.catalog.entry.ReviewOutcome;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The history of an entry version or a bundle on its way to publication (审核发布), as staff read it (bundle
 * answers use it too: bundles depend on entries, never the other way round).
 */
@Schema(description = "Who drafted, submitted, reviewed and published it, with the instants (审核发布). `editors` are "
        + "everyone who changed the content (none of them may publish it while review is on), `draftedBy` the last "
        + "of them; `reviewedBy` made the last review decision (`reviewOutcome` `RETURNED` with `reviewComment`, or "
        + "`APPROVED` and published); `publishedBy` is `system` for data the service loads itself. Shown to staff of "
        + "the department, catalog admins and auditors; null for everyone else.")
public record HistoryResponse(
        @ArraySchema(maxItems = Limits.EDITORS, schema = @Schema(maxLength = ApiBounds.USERNAME))
        List<String> editors,
        @Schema(maxLength = ApiBounds.USERNAME) String draftedBy,
        @Schema(maxLength = ApiBounds.INSTANT) Instant draftedAt,
        @Schema(maxLength = ApiBounds.USERNAME, description = "null until submitted for review") String submittedBy,
        @Schema(maxLength = ApiBounds.INSTANT) Instant submittedAt,
        @Schema(maxLength = ApiBounds.USERNAME, description = "null until reviewed") String reviewedBy,
        @Schema(maxLength = ApiBounds.INSTANT) Instant reviewedAt,
        ReviewOutcome reviewOutcome,
        @Schema(maxLength = Limits.NOTE, description = "Why it was returned") String reviewComment,
        @Schema(maxLength = ApiBounds.USERNAME, description = "null until published") String publishedBy,
        @Schema(maxLength = ApiBounds.INSTANT) Instant publishedAt) {

    public static HistoryResponse of(History h) {
        return new HistoryResponse(h.editors(), h.draftedBy(), h.draftedAt(), h.submittedBy(), h.submittedAt(),
                h.reviewedBy(), h.reviewedAt(), h.reviewOutcome(), h.reviewComment(), h.publishedBy(),
                h.publishedAt());
    }
}
