package dev.onewindow.catalog.bundle.web;

import java.util.Optional;

import dev.onewindow.catalog.bundle.Bundle;
import dev.onewindow.catalog.bundle.BundleRepository;
import dev.onewindow.catalog.bundle.BundleService;
import dev.onewindow.catalog.bundle.BundleStatus;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import dev.onewindow.catalog.web.Callers;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bundles (一件事): published ones are public; catalog admins put them together, submit them for review and publish
 * them — a second catalog admin, never the bundle's author (审核发布).
 */
@RestController
@RequestMapping("/api/v1/catalog/bundles")
@Tag(name = "Bundles", description = """
        Bundled services (一件事, e.g. 出生一件事): several entries applied for with one submission, led by one \
        department, with one merged material list. Published bundles are public. Catalog admins put them together \
        and submit them for review (`DRAFT → IN_REVIEW`); a second catalog admin, never the author, publishes them \
        or returns them to draft with a comment (审核发布).""")
class BundleController {

    private static final String IF_MATCH = "The `ETag` of the revision the change is based on (optional; anything "
            + "else than an entity tag is 400 `INVALID_IF_MATCH`)";

    /** Why the reviewer returns a bundle to draft: may run over several lines. */
    record ReturnRequest(@MultiLineText @NotBlank @Size(max = Limits.NOTE) String comment) {
    }

    private final BundleService service;
    private final BundleRepository bundles;

    BundleController(BundleService service, BundleRepository bundles) {
        this.service = service;
        this.bundles = bundles;
    }

    @Operation(summary = "List the published bundles", description = "In code order.")
    @GetMapping
    PageResponse<BundleResponse> list(@RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.PAGE_MAX) int page,
            @RequestParam(defaultValue = ApiBounds.PAGE_SIZE_DEFAULT) @Min(1) @Max(ApiBounds.PAGE_SIZE_MAX) int size) {
        return PageResponse.of(bundles.findByStatus(BundleStatus.PUBLISHED, Paging.of(page, size,
                ApiBounds.PAGE_SIZE_MAX, Sort.by("code"))), BundleResponse::of);
    }

    @Operation(summary = "Read a bundle",
            description = "A published bundle; drafts and bundles in review only for catalog admins (404 for everyone "
                    + "else). `history` only for catalog admins and auditors.")
    @GetMapping("/{code}")
    ResponseEntity<BundleResponse> get(@PathVariable @Parameter(description = "Bundle code")
            @Size(max = Codes.BUNDLE_MAX) @Pattern(regexp = Codes.BUNDLE) String code) {
        Optional<Caller> caller = Callers.optional();
        boolean admin = caller.map(c -> c.hasRole(Roles.CATALOG_ADMIN)).orElse(false);
        boolean staff = caller.map(c -> c.hasAnyRole(Roles.CATALOG_ADMIN, Roles.AUDITOR)).orElse(false);
        Bundle bundle = bundles.findById(code).filter(b -> admin || b.status() == BundleStatus.PUBLISHED)
                .orElseThrow(() -> DomainException.notFound("bundle", code));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Callers.etag(bundle.version()))
                .body(BundleResponse.of(bundle, staff));
    }

    @Operation(summary = "Create a bundle in draft",
            description = "400 `LEAD_NOT_A_MEMBER` when the lead department implements none of the members, "
                    + "`DUPLICATE_MEMBER` when an entry is listed twice; 409 `BUNDLE_EXISTS` for a code in use.")
    @PostMapping
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> create(@Valid @RequestBody CreateBundleRequest request, Caller caller) {
        return respond(HttpStatus.CREATED, service.create(request.code(), request.name(), request.description(),
                request.leadDepartment(), request.members(), Callers.name(caller)));
    }

    @Operation(summary = "Submit a bundle for review (审核)",
            description = "`DRAFT → IN_REVIEW`: a second catalog admin then publishes it or returns it to draft. 409 "
                    + "`ILLEGAL_STATE_TRANSITION` when it is not a draft.")
    @PostMapping("/{code}/submit")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> submit(@PathVariable @Parameter(description = "Bundle code")
            @Size(max = Codes.BUNDLE_MAX) @Pattern(regexp = Codes.BUNDLE) String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
            @Parameter(description = IF_MATCH, schema = @Schema(maxLength = ApiBounds.IF_MATCH,
                    pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        return respond(HttpStatus.OK, service.submit(BundleCallers.editor(caller), code, Callers.ifMatch(ifMatch)));
    }

    @Operation(summary = "Return a bundle in review to draft, with a comment",
            description = "`IN_REVIEW → DRAFT`, recording the reviewer, the instant and the comment in its `history`. "
                    + "409 `ILLEGAL_STATE_TRANSITION` when it is not in review.")
    @PostMapping("/{code}/return")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> returnToDraft(@PathVariable @Parameter(description = "Bundle code")
            @Size(max = Codes.BUNDLE_MAX) @Pattern(regexp = Codes.BUNDLE) String code,
            @Valid @RequestBody ReturnRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
            @Parameter(description = IF_MATCH, schema = @Schema(maxLength = ApiBounds.IF_MATCH,
                    pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        return respond(HttpStatus.OK, service.returnToDraft(BundleCallers.editor(caller), code, request.comment(),
                Callers.ifMatch(ifMatch)));
    }

    @Operation(summary = "Publish a bundle in review (审核发布)",
            description = "Pins each member's current published version and merges their materials (409 "
                    + "`MEMBER_NOT_PUBLISHED`, naming the `members`, when one has none). By a second catalog admin, "
                    + "never the bundle's author (403 `SAME_PERSON_DRAFT_AND_PUBLISH`); a draft that was not "
                    + "submitted is 409 `NOT_SUBMITTED_FOR_REVIEW`. Publishing a published bundle again re-pins "
                    + "(no new review); a member's revision re-pins by itself. With "
                    + "`onewindow.catalog.review-before-publication=false` a catalog admin publishes a draft directly.")
    @PostMapping("/{code}/publish")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> publish(@PathVariable @Parameter(description = "Bundle code")
            @Size(max = Codes.BUNDLE_MAX) @Pattern(regexp = Codes.BUNDLE) String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
            @Parameter(description = IF_MATCH, schema = @Schema(maxLength = ApiBounds.IF_MATCH,
                    pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        return respond(HttpStatus.OK, service.publish(BundleCallers.editor(caller), code, Callers.ifMatch(ifMatch)));
    }

    /** An answer to a catalog admin's write: with the history. */
    private static ResponseEntity<BundleResponse> respond(HttpStatus status, Bundle bundle) {
        return ResponseEntity.status(status).header(HttpHeaders.ETAG, Callers.etag(bundle.version()))
                .body(BundleResponse.of(bundle, true));
    }
}
