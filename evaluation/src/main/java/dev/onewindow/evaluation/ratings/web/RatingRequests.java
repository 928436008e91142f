package dev.onewindow.evaluation.ratings.web;

import java.util.List;

import dev.onewindow.evaluation.ratings.RatingChannel;
import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.ratings.Stage;
import dev.onewindow.evaluation.ratings.SubjectType;
import dev.onewindow.platform.text.MultiLineText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static dev.onewindow.evaluation.Limits.ID;
import static dev.onewindow.evaluation.Limits.MOBILE;
import static dev.onewindow.evaluation.Limits.RATING_CODE;
import static dev.onewindow.evaluation.Limits.REASONS;
import static dev.onewindow.evaluation.Limits.REASON_CODE;
import static dev.onewindow.evaluation.Limits.TEXT;

/** The request bodies of the rating API (shape checks here; the rules in the service and the aggregate). */
final class RatingRequests {

    private RatingRequests() {
    }

    @Schema(description = "A rating by the applicant of the case or the caller of the work order, signed in")
    record RateRequest(
            @NotNull SubjectType subjectType,
            @Schema(description = "The case or work-order id") @NotBlank @Size(max = 36) @Pattern(regexp = ID)
            String subjectId,
            @NotNull Stage stage,
            @Schema(minimum = "1", maximum = "5", description = "5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意")
            @NotNull @Min(1) @Max(5) Integer level,
            @ArraySchema(maxItems = REASONS, schema = @Schema(maxLength = 32, pattern = REASON_CODE),
                    arraySchema = @Schema(description = "Required for level 1–2: codes of GET /reasons"))
            @Size(max = REASONS) List<@NotBlank @Size(max = 32) @Pattern(regexp = REASON_CODE) String> reasons,
            @Size(max = TEXT) @MultiLineText String text,
            @NotNull RatingChannel channel,
            @Schema(description = "For the callback of a bad rating; stored encrypted, shown to nobody but the "
                    + "department's handler who calls back") @Size(max = 11) @Pattern(regexp = MOBILE)
            String contactMobile) {

        RatingService.Submission submission() {
            return new RatingService.Submission(level, reasons, text, channel, contactMobile);
        }
    }

    @Schema(description = "A rating at the window with the code of the receipt, without signing in")
    record RateByCodeRequest(
            @NotBlank @Size(max = 16) @Pattern(regexp = RATING_CODE) String code,
            @Schema(minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer level,
            @ArraySchema(maxItems = REASONS, schema = @Schema(maxLength = 32, pattern = REASON_CODE))
            @Size(max = REASONS) List<@NotBlank @Size(max = 32) @Pattern(regexp = REASON_CODE) String> reasons,
            @Size(max = TEXT) @MultiLineText String text,
            @Size(max = 11) @Pattern(regexp = MOBILE) String contactMobile) {

        RatingService.Submission submission() {
            return new RatingService.Submission(level, reasons, text, RatingChannel.SERVICE_HALL, contactMobile);
        }
    }

    @Schema(description = "The case whose receipt gets a rating code")
    record IssueCodeRequest(@NotBlank @Size(max = 36) @Pattern(regexp = ID) String caseId) {
    }

    @Schema(description = "追评")
    record FollowUpRequest(@NotBlank @Size(max = TEXT) @MultiLineText String text) {
    }
}
