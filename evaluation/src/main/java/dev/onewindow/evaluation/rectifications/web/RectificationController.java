package dev.onewindow.evaluation.rectifications.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.rectifications.FeedbackResult;
import dev.onewindow.evaluation.rectifications.Rectification;
import dev.onewindow.evaluation.rectifications.RectificationService;
import dev.onewindow.evaluation.rectifications.RectificationStatus;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.evaluation.Limits.ID;
import static dev.onewindow.evaluation.Limits.ID_LENGTH;
import static dev.onewindow.evaluation.Limits.MAX_PAGE;
import static dev.onewindow.evaluation.Limits.NOTE;
import static dev.onewindow.evaluation.Limits.PAGE_SIZE;
import static dev.onewindow.evaluation.Limits.TEXT;

/**
 * The bad-rating loop (差评整改): the department's handler calls back, feeds back; the rater confirms. Roles here,
 * department scoping and the loop's rules in the service and the aggregate.
 */
@RestController
@RequestMapping("/api/v1/evaluations/rectifications")
@Tag(name = "Rectifications", description = "差评整改: every bad rating's callback, rectification or explanation, "
        + "and the rater's confirmation, on the department's clock; escalated to supervision when unsatisfied twice.")
class RectificationController {

    private final RectificationService rectifications;
    private final EvaluationProperties properties;

    RectificationController(RectificationService rectifications, EvaluationProperties properties) {
        this.rectifications = rectifications;
        this.properties = properties;
    }

    @Operation(summary = "List rectifications", description = "The own department's for its handlers and admins "
            + "(earliest due first); the region's for eval-admins and supervisors; all for auditors.")
    @GetMapping
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin', 'eval-admin', 'supervisor', 'auditor')")
    RectificationPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Rectifications per page", schema = @Schema(type = "integer",
                    format = "int32", minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        Page<Rectification> found = rectifications.list(caller, Paging.of(page, size, properties.maxPageSize()));
        return new RectificationPage(found.getContent().stream().map(this::response).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read a rectification", description = "For the department's handlers and admins, "
            + "eval-admins and supervisors of its region, and auditors. Never names the rater.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin', 'eval-admin', 'supervisor', 'auditor')")
    RectificationResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            Caller caller) {
        return response(rectifications.get(id, caller));
    }

    @Operation(summary = "Read the rater's contact for the callback", description = """
            The number to call the rater back on (100 % 回访 of real-name bad ratings): the one the rater left with \
            the rating, else the applicant's (from case-handling) or the 12345 caller's (from hotline-12345), \
            fetched as evaluation's service account at this moment and never kept. In full only for a handler of \
            the responsible department while the callback is due (else 409 `NOT_RUNNING`); masked for the others \
            who may read the rectification. `withheld`: the caller asked the hotline for confidentiality, which then \
            calls back itself. 503 when the service holding the number cannot answer now. Every read is logged as \
            who read which rectification, never the number.""")
    @GetMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin', 'eval-admin', 'supervisor', 'auditor')")
    ContactResponse contact(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            Caller caller) {
        RectificationService.CallbackContact contact = rectifications.contact(id, caller);
        return new ContactResponse(contact.mobile(), contact.source(), contact.withheld());
    }

    @Operation(summary = "Record the callback (回访)", description = "By a handler of the responsible department; "
            + "a real-name rater is called back before the feedback.")
    @PostMapping("/{id}/callback")
    @PreAuthorize("hasRole('dept-handler')")
    RectificationResponse callback(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody CallbackRequest request, Caller caller) {
        return response(rectifications.callback(id, request.reached(), request.note(), caller));
    }

    @Operation(summary = "Feed back (整改反馈)", description = "Rectified or explained; the department's clock stops.")
    @PostMapping("/{id}/feedback")
    @PreAuthorize("hasRole('dept-handler')")
    RectificationResponse feedback(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody FeedbackRequest request, Caller caller) {
        return response(rectifications.feedBack(id, request.result(), request.text(), caller));
    }

    @Operation(summary = "Confirm the feedback", description = """
            By the rater, signed in (for a rating given with a rating code, an eval-admin of the region records what \
            the rater said when called back): satisfied completes the rectification; not satisfied reopens it once, \
            then escalates it to supervision.""")
    @PostMapping("/{id}/confirmation")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise', 'eval-admin')")
    RectificationResponse confirm(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody ConfirmationRequest request, Caller caller) {
        return response(rectifications.confirm(id, request.satisfied(), request.comment(), caller));
    }

    private RectificationResponse response(Rectification r) {
        Rectification.Feedback f = r.feedback();
        return new RectificationResponse(r.id(), r.ratingId(), r.subjectType(), r.subjectId(), r.subjectNo(),
                r.attribution().region(), r.department(), r.level(), r.reasons(), r.realName(), r.status(),
                r.round(), r.openedAt(), r.dueAt(), rectifications.overdue(r), r.callbacks().size(),
                r.callbacks().isEmpty() ? null : r.callbacks().get(r.callbacks().size() - 1).reached(),
                f == null ? null : f.result(), f == null ? null : Masking.inText(f.text()),
                f == null ? null : f.at(), r.onTime(), r.closedAt(), r.pausedForAppeal(), r.confirmBy(),
                !r.confirmations().isEmpty() && r.confirmations().get(r.confirmations().size() - 1).byDefault());
    }

    @Schema(description = "A rectification (差评整改); it never names the rater")
    record RectificationResponse(
            @Schema(maxLength = 36, pattern = ID) String id,
            @Schema(maxLength = 36, pattern = ID) String ratingId,
            @Schema(maxLength = 16) String subjectType,
            @Schema(maxLength = 36, pattern = ID) String subjectId,
            @Schema(maxLength = 32) String subjectNo,
            @Schema(maxLength = 6) String region,
            @Schema(maxLength = 16) String department,
            @Schema(minimum = "1", maximum = "2") int level,
            @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 32)) List<String> reasons,
            boolean realName,
            RectificationStatus status,
            @Schema(minimum = "1", maximum = "2") int round,
            @Schema(maxLength = 35) Instant openedAt,
            @Schema(maxLength = 35) Instant dueAt,
            boolean overdue,
            @Schema(minimum = "0", maximum = "1000") int callbacks,
            Boolean lastCallbackReached,
            FeedbackResult feedbackResult,
            @Schema(maxLength = 1000) String feedback,
            @Schema(maxLength = 35) Instant fedBackAt,
            boolean onTime,
            @Schema(maxLength = 35) Instant closedAt,
            @Schema(description = "the clock is paused while an appeal of the rating is pending") boolean
                    pausedForAppeal,
            @Schema(maxLength = 35, description = "fed back: the rater answers by then, else it closes as satisfied "
                    + "by default (默认满意)") Instant confirmBy,
            @Schema(description = "completed because the rater did not answer in time (默认满意)") boolean
                    confirmedByDefault) {
    }

    @Schema(description = "A page of rectifications")
    record RectificationPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<RectificationResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }

    @Schema(description = "The rater's contact for the callback")
    record ContactResponse(
            @Schema(maxLength = 11, pattern = "^1[3-9][0-9](\\*{4}|[0-9]{4})[0-9]{4}$", description = "in full for "
                    + "the handler, masked (138****5678) for everyone else; null when there is none or it is "
                    + "withheld") String mobile,
            RectificationService.ContactSource source,
            @Schema(description = "the 12345 caller asked for confidentiality: the hotline calls back") boolean
                    withheld) {
    }

    @Schema(description = "回访")
    record CallbackRequest(@NotNull Boolean reached, @Size(max = NOTE) @MultiLineText String note) {
    }

    @Schema(description = "整改反馈")
    record FeedbackRequest(@NotNull FeedbackResult result,
            @NotBlank @Size(max = TEXT) @MultiLineText String text) {
    }

    @Schema(description = "The rater's answer to the feedback")
    record ConfirmationRequest(@NotNull Boolean satisfied, @Size(max = NOTE) @MultiLineText String comment) {
    }
}
