package dev.onewindow.evaluation.ratings.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingChannel;
import dev.onewindow.evaluation.ratings.RatingStatus;
import dev.onewindow.evaluation.ratings.Stage;
import dev.onewindow.evaluation.ratings.SubjectType;
import dev.onewindow.platform.personal.Masking;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;

import static dev.onewindow.evaluation.Limits.ID;
import static dev.onewindow.evaluation.Limits.MAX_PAGE;
import static dev.onewindow.evaluation.Limits.PAGE_SIZE;

/** What the rating API answers: records of the web layer, never the stored documents, and never who rated. */
final class RatingResponses {

    private RatingResponses() {
    }

    @Schema(description = "A rating (or the invitation to give one). It never names the rater; numbers in the "
            + "rater's words are masked for everyone but the rater.")
    record RatingResponse(
            @Schema(maxLength = 36, pattern = ID) String id,
            SubjectType subjectType,
            @Schema(maxLength = 36, pattern = ID) String subjectId,
            @Schema(maxLength = 32, description = "办件编号 or 工单编号") String subjectNo,
            Stage stage, RatingStatus status,
            @Schema(maxLength = 6) String region,
            @Schema(maxLength = 16) String department,
            @Schema(maxLength = 64) String implementationCode,
            @Schema(maxLength = 64, description = "The window officer, when rated at the window") String officer,
            @Schema(maxLength = 32, description = "The channel the service was delivered through") String serviceChannel,
            @Schema(maxLength = 16) String outcome,
            @Schema(maxLength = 35) Instant invitedAt,
            @Schema(maxLength = 35, description = "Until when a rating is taken") Instant closesAt,
            @Schema(minimum = "1", maximum = "5", description = "5 非常满意 … 1 非常不满意") Integer level,
            boolean bad,
            @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 32)) List<String> reasons,
            @Schema(maxLength = 1000) String text,
            RatingChannel ratingChannel,
            boolean realName,
            @Schema(maxLength = 35) Instant ratedAt,
            @Schema(maxLength = 1000, description = "追评") String followUp,
            @Schema(maxLength = 35) Instant followedUpAt,
            @Schema(maxLength = 36, pattern = ID) String rectificationId,
            @Schema(description = "Taken out of the statistics by an upheld appeal; kept for the auditors")
            boolean excluded) {

        static RatingResponse of(Rating r, boolean rater) {
            return new RatingResponse(r.id(), r.subjectType(), r.subjectId(), r.subjectNo(), r.stage(), r.status(),
                    r.regionCode(), r.department(), r.implementationCode(), r.officer(), r.serviceChannel(),
                    r.outcome(), r.invitedAt(), r.closesAt(), r.level(), r.bad(), r.reasons(),
                    rater ? r.text() : masked(r.text()), r.ratingChannel(), r.realName(), r.ratedAt(),
                    rater ? r.followUp() : masked(r.followUp()), r.followedUpAt(), r.rectificationId(),
                    r.excluded());
        }

        private static String masked(String text) {
            return text == null ? null : Masking.inText(text);
        }
    }

    @Schema(description = "A rating code for the receipt (QR): single use, short-lived")
    record RatingCodeResponse(
            @Schema(maxLength = 16, pattern = dev.onewindow.evaluation.Limits.RATING_CODE) String code,
            @Schema(maxLength = 36, pattern = ID) String ratingId,
            Stage stage,
            @Schema(maxLength = 35) Instant expiresAt) {
    }

    @Schema(description = "A bad-rating reason of the standard list (GB/T 39734 style)")
    record ReasonResponse(@Schema(maxLength = 32) String code, @Schema(maxLength = 64) String label) {
    }

    @Schema(description = "A page of ratings")
    record RatingPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<RatingResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {

        static RatingPage of(Page<Rating> page, boolean rater) {
            return new RatingPage(page.getContent().stream().map(r -> RatingResponse.of(r, rater)).toList(),
                    page.getNumber(), page.getSize(), page.getTotalElements());
        }
    }
}
