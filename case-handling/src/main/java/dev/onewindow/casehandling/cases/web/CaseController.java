package dev.onewindow.casehandling.cases.web;

import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.casehandling.cases.CaseStatus;
import dev.onewindow.casehandling.cases.SubmissionService;
import dev.onewindow.casehandling.cases.SupplementRequest;
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
import dev.onewindow.casehandling.cases.web.CaseResponses.PageResponse;
import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
import jakarta.validation.Valid;
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

/**
 * The case API (办件). Roles are checked here ({@code @PreAuthorize}); department and ownership scoping, and each
 * transition's rules, in the service and the aggregate.
 */
@RestController
@RequestMapping("/api/v1/cases")
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

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise', 'window-officer', 'partner')")
    CaseResponse submit(@Valid @RequestBody SubmitCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.view(submissions.submit(request.toApplication(), caller), cases.now()));
    }

    @PostMapping("/bundles")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise', 'window-officer', 'partner')")
    CaseResponse submitBundle(@Valid @RequestBody SubmitBundleRequest request, Caller caller) {
        return CaseResponse.of(cases.view(submissions.submitBundle(request.toApplication(), caller), cases.now()));
    }

    // ------------------------------------------------------------------------------------------------ read

    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    PageResponse<CaseSummaryResponse> mine(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return PageResponse.of(cases.mine(caller, page(page, size)).map(CaseSummaryResponse::of));
    }

    /** The caller's department's worklist, by state and clock level, most urgent first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('window-officer', 'reviewer', 'approver', 'dept-admin')")
    PageResponse<CaseSummaryResponse> worklist(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) ClockLevel level, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return PageResponse.of(cases.worklist(caller, status, level, page(page, size))
                .map(CaseSummaryResponse::of));
    }

    @GetMapping("/{id}")
    CaseResponse get(@PathVariable String id, Caller caller) {
        return CaseResponse.of(cases.get(id, caller));
    }

    @GetMapping("/{id}/history")
    HistoryResponse history(@PathVariable String id, Caller caller) {
        var c = cases.get(id, caller).value();
        return new HistoryResponse(c.id(), c.caseNo(), c.history());
    }

    // ------------------------------------------------------------------------------------------------ officer

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('window-officer')")
    CaseResponse accept(@PathVariable String id, Caller caller) {
        return CaseResponse.of(cases.accept(id, caller));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('window-officer')")
    CaseResponse reject(@PathVariable String id, @Valid @RequestBody RejectCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.reject(id, request.reason(), caller));
    }

    /** 补正 request: by a window officer before acceptance, by a reviewer during review (the aggregate decides). */
    @PostMapping("/{id}/supplement-requests")
    @PreAuthorize("hasAnyRole('window-officer', 'reviewer')")
    CaseResponse requestSupplement(@PathVariable String id, @Valid @RequestBody RequestSupplementRequest request,
            Caller caller) {
        return CaseResponse.of(cases.requestSupplement(id, request.items().stream()
                .map(i -> new SupplementRequest.Item(i.materialCode(), i.description())).toList(),
                request.comment(), caller));
    }

    // ------------------------------------------------------------------------------------------------ reviewer

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('reviewer')")
    CaseResponse startReview(@PathVariable String id, Caller caller) {
        return CaseResponse.of(cases.startReview(id, caller));
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasRole('reviewer')")
    CaseResponse suspend(@PathVariable String id, @Valid @RequestBody SuspendCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.suspend(id, request.procedure(), request.reason(), caller));
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('reviewer')")
    CaseResponse resume(@PathVariable String id, @Valid @RequestBody(required = false) CommentRequest request,
            Caller caller) {
        return CaseResponse.of(cases.resume(id, request == null ? null : request.comment(), caller));
    }

    // ------------------------------------------------------------------------------------------------ approver

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('approver')")
    CaseResponse approve(@PathVariable String id, @Valid @RequestBody(required = false) CommentRequest request,
            Caller caller) {
        return CaseResponse.of(cases.approve(id, request == null ? null : request.comment(), caller));
    }

    @PostMapping("/{id}/deny")
    @PreAuthorize("hasRole('approver')")
    CaseResponse deny(@PathVariable String id, @Valid @RequestBody DenyCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.deny(id, request.reason(), request.remedy(), caller));
    }

    @PostMapping("/{id}/extensions")
    @PreAuthorize("hasRole('approver')")
    CaseResponse extend(@PathVariable String id, @Valid @RequestBody ExtendCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.extend(id, request.workingDays(), request.reason(), caller));
    }

    // ------------------------------------------------------------------------------------------------ applicant

    @PostMapping("/{id}/supplement")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    CaseResponse supplement(@PathVariable String id, @Valid @RequestBody SupplementCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.supplement(id, MaterialRequest.toReferences(request.materials()),
                request.formData(), request.comment(), caller));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    CaseResponse withdraw(@PathVariable String id, @Valid @RequestBody(required = false) WithdrawCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.withdraw(id, request == null ? null : request.reason(), caller));
    }

    private PageRequest page(int page, int size) {
        if (page < 0 || size < 1 || size > properties.maxPageSize()) {
            throw ApiException.badRequest("INVALID_PAGE", "page must be ≥ 0 and size between 1 and "
                    + properties.maxPageSize());
        }
        return PageRequest.of(page, size);
    }
}
