package dev.onewindow.casehandling.cases.web;

import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.casehandling.cases.CaseStatus;
import dev.onewindow.casehandling.cases.SubmissionService;
import dev.onewindow.casehandling.cases.web.CaseRequests.CommentRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.DenyCaseRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.ExtendCaseRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.MaterialRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.RejectCaseRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.RequestSupplementRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.SubmitBundleRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.SubmitCaseRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.SupplementCaseRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.SuspendCaseRequest;
import dev.onewindow.casehandling.cases.web.CaseRequests.WithdrawCaseRequest;
import dev.onewindow.casehandling.cases.web.CaseResponses.CaseResponse;
import dev.onewindow.casehandling.cases.web.CaseResponses.CaseSummaryResponse;
import dev.onewindow.casehandling.cases.web.CaseResponses.HistoryResponse;
import dev.onewindow.casehandling.cases.web.CaseResponses.ApplicantContactResponse;
import dev.onewindow.casehandling.cases.web.CaseResponses.LicenseFaceResponse;
import dev.onewindow.casehandling.cases.web.CaseResponses.PageResponse;
import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
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

import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ID;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ID_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MAX_PAGE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.PAGE_SIZE;

/**
 * The case API (办件). Roles are checked here ({@code @PreAuthorize}); department and ownership scoping, and each
 * transition's rules, in the service and the aggregate. Each endpoint is one call of a service, which answers the
 * case as read now.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "cases", description = "Applications (办件) for published catalog entry versions and 一件事 bundles, "
        + "handled by window officers, reviewers and approvers on a working-day clock (红黄绿灯).")
class CaseController {

    private final SubmissionService submissions;
    private final CaseService cases;
    private final CaseHandlingProperties properties;

    CaseController(SubmissionService submissions, CaseService cases, CaseHandlingProperties properties) {
        this.submissions = submissions;
        this.cases = cases;
        this.properties = properties;
    }

    // ------------------------------------------------------------------------------------------------ submit

    @Operation(summary = "Submit an application (申报)", description = """
            For one entry version: the current published one, or `version`. Citizens and enterprises submit online \
            (their identity comes from the token), window officers at the counter (`SERVICE_HALL`, own department \
            only), partners through `PARTNER_API`. Materials are uploads (`fileId`) or e-license authorizations \
            (免证办), redeemed only when every other check passed. With a 秒批 rule set that passes, the case is \
            approved at once. Nothing is stored when the application is refused.""")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise', 'window-officer', 'partner')")
    CaseResponse submit(@Valid @RequestBody SubmitCaseRequest request, Caller caller) {
        return CaseResponse.of(submissions.submit(request.toApplication(), caller));
    }

    @Operation(summary = "Submit a 一件事 bundle", description = """
            One parent case and a member case per bundle member, each in its own department on its own clock. \
            Materials are named once, by the bundle's merged codes; each member gets those it needs. Answers the \
            parent, which completes when every member has.""")
    @PostMapping("/bundles")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise', 'window-officer', 'partner')")
    CaseResponse submitBundle(@Valid @RequestBody SubmitBundleRequest request, Caller caller) {
        return CaseResponse.of(submissions.submitBundle(request.toApplication(), caller));
    }

    // ------------------------------------------------------------------------------------------------ read

    @Operation(summary = "List my own cases", description = "The caller's cases as applicant (an enterprise "
            + "agent's: the enterprise's), newest first.")
    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    PageResponse<CaseSummaryResponse> mine(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Cases per page (the configured maximum is 100)", schema = @Schema(
                    type = "integer", format = "int32", minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return PageResponse.of(cases.mine(caller, page(page, size)).map(CaseSummaryResponse::of));
    }

    /** The caller's department's worklist, by state and clock level, most urgent first. */
    @Operation(summary = "List my department's worklist", description = "The cases of the caller's department "
            + "(the token's `dept`), by state and clock level, most urgent (earliest due) first.")
    @GetMapping
    @PreAuthorize("hasAnyRole('window-officer', 'reviewer', 'approver', 'dept-admin')")
    PageResponse<CaseSummaryResponse> worklist(@RequestParam(required = false) CaseStatus status,
            @Parameter(description = "The clock level (a paused clock keeps its level)")
            @RequestParam(required = false) ClockLevel level,
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Cases per page (the configured maximum is 100)", schema = @Schema(
                    type = "integer", format = "int32", minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return PageResponse.of(cases.worklist(caller, status, level, page(page, size))
                .map(CaseSummaryResponse::of));
    }

    @Operation(summary = "Read a case", description = "For the owning department's staff, the applicant, the "
            + "submitting partner, auditors and the supervisors of its region (a city's supervisors also see its "
            + "districts' cases).")
    @GetMapping("/{id}")
    CaseResponse get(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id, Caller caller) {
        return CaseResponse.of(cases.get(id, caller));
    }

    @Operation(summary = "Read a case's history", description = "Every step: who, when, from which state to "
            + "which, and why. For whoever may read the case.")
    @GetMapping("/{id}/history")
    HistoryResponse history(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id, Caller caller) {
        return HistoryResponse.of(cases.get(id, caller));
    }

    @Operation(summary = "Read a case's licence face (for e-license)", description = """
            For the service that issues the result licence only: a client-credentials token whose `azp` is one of \
            `onewindow.casehandling.trusted-face-readers` (e-license's service account, `e-license`). Answers every \
            field of the licence face with its value, the personal ones (which `case.approved` names in \
            `personalLicenseFields` but never carries) in clear. Only for a case that is APPROVED or COMPLETED and \
            results in a licence; for anyone else, and for any other case, 404 as for a case that does not exist. \
            Every read is logged (case and client, never the values).""",
            extensions = @Extension(name = "x-trusted-clients", properties = @ExtensionProperty(name = "azp",
                    value = "onewindow.casehandling.trusted-face-readers (default: e-license)")))
    @GetMapping("/{id}/license-face")
    LicenseFaceResponse licenseFace(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            Caller caller) {
        return LicenseFaceResponse.of(cases.licenseFace(id, caller));
    }

    @Operation(summary = "Read a case applicant's contact number (for evaluation)", description = """
            For the service that has a bad rater called back only: a client-credentials token whose `azp` is one of \
            `onewindow.casehandling.trusted-contact-readers` (evaluation's service account, `evaluation`). Answers \
            the applicant's mobile number in clear (null when none was given), for a case that was accepted or \
            decided (one that can be rated); for anyone else, and for any other case, 404 as for a case that does \
            not exist. Every read is logged (case and client, never the number).""",
            extensions = @Extension(name = "x-trusted-clients", properties = @ExtensionProperty(name = "azp",
                    value = "onewindow.casehandling.trusted-contact-readers (default: evaluation)")))
    @GetMapping("/{id}/applicant-contact")
    ApplicantContactResponse applicantContact(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            Caller caller) {
        return ApplicantContactResponse.of(cases.applicantContact(id, caller));
    }

    // ------------------------------------------------------------------------------------------------ officer

    @Operation(summary = "Accept a case (受理)", description = "Starts the clock with the entry version's "
            + "promised limit. Own department only.")
    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('window-officer')")
    CaseResponse accept(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id, Caller caller) {
        return CaseResponse.of(cases.accept(id, caller));
    }

    @Operation(summary = "Reject a case (不予受理)", description = "With the reason the applicant is told.")
    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('window-officer')")
    CaseResponse reject(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody RejectCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.reject(id, request.reason(), caller));
    }

    /** 补正 request: by a window officer before acceptance, by a reviewer during review (the aggregate decides). */
    @Operation(summary = "Request a supplement (补正)", description = """
            Every missing item at once (一次性告知): by a window officer before acceptance (the acceptance window \
            restarts when the applicant supplements), by a reviewer during review (the clock pauses).""")
    @PostMapping("/{id}/supplement-requests")
    @PreAuthorize("hasAnyRole('window-officer', 'reviewer')")
    CaseResponse requestSupplement(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody RequestSupplementRequest request, Caller caller) {
        return CaseResponse.of(cases.requestSupplement(id, request.toItems(), request.comment(), caller));
    }

    // ------------------------------------------------------------------------------------------------ reviewer

    @Operation(summary = "Start the review (审查)")
    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('reviewer')")
    CaseResponse startReview(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id, Caller caller) {
        return CaseResponse.of(cases.startReview(id, caller));
    }

    @Operation(summary = "Suspend for a special procedure (特别程序)", description = "A hearing, testing or "
            + "expert review: the clock pauses until the review resumes.")
    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasRole('reviewer')")
    CaseResponse suspend(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody SuspendCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.suspend(id, request.procedure(), request.reason(), caller));
    }

    @Operation(summary = "Resume the review", description = "Ends the special procedure; the clock runs again.")
    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('reviewer')")
    CaseResponse resume(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody(required = false) CommentRequest request, Caller caller) {
        return CaseResponse.of(cases.resume(id, request == null ? null : request.comment(), caller));
    }

    // ------------------------------------------------------------------------------------------------ approver

    @Operation(summary = "Approve a case (准予)", description = "With a document result the case completes at "
            + "once; with an e-license result it completes when e-license has issued the licence.")
    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('approver')")
    CaseResponse approve(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody(required = false) CommentRequest request, Caller caller) {
        return CaseResponse.of(cases.approve(id, request == null ? null : request.comment(), caller));
    }

    @Operation(summary = "Deny a case (不予许可)", description = "With the reason and the remedy notice "
            + "(救济途径); ends the handling.")
    @PostMapping("/{id}/deny")
    @PreAuthorize("hasRole('approver')")
    CaseResponse deny(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody DenyCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.deny(id, request.reason(), request.remedy(), caller));
    }

    @Operation(summary = "Extend the deadline (延期)", description = "Once, by at most the configured number of "
            + "working days (one extension of at most 10 by default).")
    @PostMapping("/{id}/extensions")
    @PreAuthorize("hasRole('approver')")
    CaseResponse extend(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody ExtendCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.extend(id, request.workingDays(), request.reason(), caller));
    }

    // ------------------------------------------------------------------------------------------------ applicant

    @Operation(summary = "Supplement a case (补正)", description = """
            The applicant supplies what was asked: materials (replacing earlier ones of the same code) and form \
            changes; every requested material must be among them. Everything is checked before an e-license \
            authorization is redeemed.""")
    @PostMapping("/{id}/supplement")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    CaseResponse supplement(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody SupplementCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.supplement(id, MaterialRequest.toReferences(request.materials()),
                request.formData(), request.comment(), caller));
    }

    @Operation(summary = "Withdraw a case (撤回)", description = "By the applicant, any time before a decision.")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    CaseResponse withdraw(@PathVariable @Size(max = ID) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody(required = false) WithdrawCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.withdraw(id, request == null ? null : request.reason(), caller));
    }

    /**
     * Pages are checked here, against the configured largest page, and refused as {@code INVALID_PAGE} (the
     * parameters' documented bounds are those of the shipped configuration): the platform's bounded pages, so
     * {@code page × size} never overflows.
     */
    private PageRequest page(int page, int size) {
        return Paging.of(page, size, properties.maxPageSize());
    }

}
