package dev.onewindow.catalog.bundle.web;

import dev.onewindow.catalog.bundle.Bundle;
import dev.onewindow.catalog.bundle.BundleRepository;
import dev.onewindow.catalog.bundle.BundleService;
import dev.onewindow.catalog.bundle.BundleStatus;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.web.ApiBounds;
import dev.onewindow.catalog.web.Callers;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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

/** Bundles (一件事): published ones are public; catalog admins put them together and publish them. */
@RestController
@RequestMapping("/api/v1/catalog/bundles")
@Tag(name = "Bundles", description = """
        Bundled services (一件事, e.g. 出生一件事): several entries applied for with one submission, led by one \
        department, with one merged material list. Published bundles are public; catalog admins put them together \
        and publish them.""")
class BundleController {

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
            description = "A published bundle; drafts only for catalog admins (404 for everyone else).")
    @GetMapping("/{code}")
    ResponseEntity<BundleResponse> get(@PathVariable @Parameter(description = "Bundle code")
            @Size(max = Codes.BUNDLE_MAX) @Pattern(regexp = Codes.BUNDLE) String code) {
        boolean admin = Callers.optional().map(c -> c.hasRole(Roles.CATALOG_ADMIN)).orElse(false);
        Bundle bundle = bundles.findById(code).filter(b -> admin || b.status() == BundleStatus.PUBLISHED)
                .orElseThrow(() -> DomainException.notFound("bundle", code));
        return respond(HttpStatus.OK, bundle);
    }

    @Operation(summary = "Create a bundle in draft",
            description = "400 `LEAD_NOT_A_MEMBER` when the lead department implements none of the members, "
                    + "`DUPLICATE_MEMBER` when an entry is listed twice; 409 `BUNDLE_EXISTS` for a code in use.")
    @PostMapping
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> create(@Valid @RequestBody CreateBundleRequest request, Caller caller) {
        return respond(HttpStatus.CREATED, service.create(request.code(), request.name(), request.description(),
                request.leadDepartment(), request.members(), caller.username()));
    }

    @Operation(summary = "Publish a bundle",
            description = "Pins each member's current published version and merges their materials (409 "
                    + "`MEMBER_NOT_PUBLISHED`, naming the `members`, when one has none). Publishing again re-pins; "
                    + "a member's revision re-pins by itself.")
    @PostMapping("/{code}/publish")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> publish(@PathVariable @Parameter(description = "Bundle code")
            @Size(max = Codes.BUNDLE_MAX) @Pattern(regexp = Codes.BUNDLE) String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
            @Parameter(description = "The `ETag` of the revision the change is based on (optional; anything else "
                    + "than an entity tag is 400 `INVALID_IF_MATCH`)",
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch) {
        return respond(HttpStatus.OK, service.publish(code, Callers.ifMatch(ifMatch)));
    }

    private static ResponseEntity<BundleResponse> respond(HttpStatus status, Bundle bundle) {
        return ResponseEntity.status(status).header(HttpHeaders.ETAG, Callers.etag(bundle.version()))
                .body(BundleResponse.of(bundle));
    }
}
