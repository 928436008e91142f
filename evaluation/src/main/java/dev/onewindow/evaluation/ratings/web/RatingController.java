package dev.onewindow.evaluation.ratings.web;

import java.util.List;

import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.ratings.web.RatingRequests.FollowUpRequest;
import dev.onewindow.evaluation.ratings.web.RatingRequests.IssueCodeRequest;
import dev.onewindow.evaluation.ratings.web.RatingRequests.RateByCodeRequest;
import dev.onewindow.evaluation.ratings.web.RatingRequests.RateRequest;
import dev.onewindow.evaluation.ratings.web.RatingResponses.RatingCodeResponse;
import dev.onewindow.evaluation.ratings.web.RatingResponses.RatingPage;
import dev.onewindow.evaluation.ratings.web.RatingResponses.RatingResponse;
import dev.onewindow.evaluation.ratings.web.RatingResponses.ReasonResponse;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.evaluation.Limits.ID;
import static dev.onewindow.evaluation.Limits.ID_LENGTH;
import static dev.onewindow.evaluation.Limits.MAX_PAGE;
import static dev.onewindow.evaluation.Limits.PAGE_SIZE;

/**
 * The rating API (好差评). Roles are checked here ({@code @PreAuthorize}); who is the rater and which department's
 * ratings a member of staff sees, in the service. Nothing is stored when a rating is refused.
 */
@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Ratings", description = "五级评价 of cases and 12345 work orders by their applicants and callers: "
        + "invitations, ratings (signed in or with the receipt's rating code), 追评, and the reads.")
class RatingController {

    private final RatingService ratings;
    private final EvaluationProperties properties;

    RatingController(RatingService ratings, EvaluationProperties properties) {
        this.ratings = ratings;
        this.properties = properties;
    }

    @Operation(summary = "List the bad-rating reasons", description = "The standard reasons (GB/T 39734 style) a "
            + "rating of level 1 or 2 names at least one of. Public.")
    @ApiResponse(responseCode = "200", description = "The reasons", content = @Content(
            array = @ArraySchema(maxItems = 100, schema = @Schema(implementation = ReasonResponse.class))))
    @GetMapping("/reasons")
    List<ReasonResponse> reasons() {
        return properties.badReasons().entrySet().stream().map(e -> new ReasonResponse(e.getKey(), e.getValue()))
                .toList();
    }

    @Operation(summary = "List my open invitations", description = "The matters the signed-in applicant or caller "
            + "is invited to rate, newest first.")
    @GetMapping("/invitations/mine")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    RatingPage mine(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Invitations per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return RatingPage.of(ratings.openInvitations(caller, Paging.of(page, size, properties.maxPageSize())), true);
    }

    @Operation(summary = "Rate a case or work order", description = """
            By the applicant of the case (known by the ID number of the login) or the caller of the work order, \
            once per matter and stage. Levels 1–2 are bad ratings and name at least one reason of `GET /reasons`; \
            each opens a rectification by the responsible department. A second rating of the same matter and stage \
            is 409 `ALREADY_RATED`; nothing is stored when refused.""")
    @PostMapping("/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    RatingResponse rate(@Valid @RequestBody RateRequest request, Caller caller) {
        return RatingResponse.of(ratings.rate(request.subjectType(), request.subjectId(), request.stage(),
                request.submission(), caller), true);
    }

    @Operation(summary = "Rate with a rating code", description = """
            Without signing in: the code of the receipt (QR), issued by the window officer, rates the case it is \
            bound to at the window (channel `SERVICE_HALL`); the code texted to a 12345 caller known only by the \
            number (from `rating.invited` or `rating.reminded`) rates the closed work order (channel `SMS`). Once, \
            before it expires. Used or expired codes are 409 `CODE_USED` or 410 `CODE_EXPIRED`.""")
    @PostMapping("/ratings/by-code")
    @ResponseStatus(HttpStatus.CREATED)
    RatingResponse rateByCode(@Valid @RequestBody RateByCodeRequest request) {
        return RatingResponse.of(ratings.rateByCode(request.code(), request.submission()), true);
    }

    @Operation(summary = "Issue a rating code for a receipt", description = "A window officer of the case's "
            + "department gets a short-lived, single-use code for the case's open invitation, printed on the "
            + "receipt as a QR code.")
    @PostMapping("/codes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('window-officer')")
    RatingCodeResponse issueCode(@Valid @RequestBody IssueCodeRequest request, Caller caller) {
        RatingService.IssuedCode issued = ratings.issueCode(request.caseId(), caller);
        return new RatingCodeResponse(issued.code(), issued.rating().id(), issued.rating().stage(),
                issued.expiresAt());
    }

    @Operation(summary = "Follow up a rating (追评)", description = "Once, within 30 days of the rating "
            + "(configurable), by the rater.")
    @PostMapping("/ratings/{id}/follow-up")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    RatingResponse followUp(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody FollowUpRequest request, Caller caller) {
        return RatingResponse.of(ratings.followUp(id, request.text(), caller), true);
    }

    @Operation(summary = "Read a rating", description = "For the rater, staff of the rated department, eval-admins "
            + "and supervisors of its region, and auditors. Never names the rater.")
    @GetMapping("/ratings/{id}")
    @PreAuthorize("isAuthenticated()")
    RatingResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        Rating rating = ratings.get(id, caller);
        return RatingResponse.of(rating, ratings.isRater(rating, caller));
    }

    @Operation(summary = "List ratings", description = "Given ratings, newest first: the own department's for its "
            + "staff, the region's for eval-admins, all for auditors (excluded ones marked).")
    @GetMapping("/ratings")
    @PreAuthorize("hasAnyRole('window-officer', 'dept-handler', 'dept-admin', 'eval-admin', 'auditor')")
    RatingPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Ratings per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return RatingPage.of(ratings.list(caller, Paging.of(page, size, properties.maxPageSize())), false);
    }
}
