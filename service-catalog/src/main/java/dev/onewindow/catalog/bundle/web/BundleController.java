package dev.onewindow.catalog.bundle.web;

import java.util.List;

import dev.onewindow.catalog.bundle.Bundle;
import dev.onewindow.catalog.bundle.BundleMember;
import dev.onewindow.catalog.bundle.BundleRepository;
import dev.onewindow.catalog.bundle.BundleService;
import dev.onewindow.catalog.bundle.BundleStatus;
import dev.onewindow.catalog.bundle.MergedMaterial;
import dev.onewindow.catalog.entry.ImplementationCode;
import dev.onewindow.catalog.web.Callers;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
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
class BundleController {

    private final BundleService service;
    private final BundleRepository bundles;

    BundleController(BundleService service, BundleRepository bundles) {
        this.service = service;
        this.bundles = bundles;
    }

    record BundleResponse(String code, String name, String description, String leadDepartment, String region,
            BundleStatus status, List<BundleMember> members, List<MergedMaterial> materials,
            java.time.Instant publishedAt) {
        static BundleResponse of(Bundle b) {
            // a draft has no pinned versions yet: list its members with version 0
            List<BundleMember> members = b.status() == BundleStatus.PUBLISHED ? b.members()
                    : b.memberCodes().stream().map(c -> new BundleMember(c, 0, ImplementationCode.departmentOf(c),
                            null)).toList();
            return new BundleResponse(b.code(), b.name(), b.description(), b.leadDepartment(), b.regionCode(),
                    b.status(), members, b.materials(), b.publishedAt());
        }
    }

    @GetMapping
    PageResponse<BundleResponse> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(bundles.findByStatus(BundleStatus.PUBLISHED, PageRequest.of(page, size,
                Sort.by("code"))), BundleResponse::of);
    }

    /** A published bundle; drafts only for catalog admins (404 for everyone else). */
    @GetMapping("/{code}")
    ResponseEntity<BundleResponse> get(@PathVariable String code) {
        boolean admin = Callers.optional().map(c -> c.hasRole(Roles.CATALOG_ADMIN)).orElse(false);
        Bundle bundle = bundles.findById(code).filter(b -> admin || b.status() == BundleStatus.PUBLISHED)
                .orElseThrow(() -> ApiException.notFound("bundle", code));
        return respond(HttpStatus.OK, bundle);
    }

    @PostMapping
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> create(@Valid @RequestBody CreateBundleRequest request, Caller caller) {
        return respond(HttpStatus.CREATED, service.create(request.code(), request.name(), request.description(),
                request.leadDepartment(), request.members(), caller.username()));
    }

    /** Pins the members' current published versions and merges their materials; publishing again re-pins. */
    @PostMapping("/{code}/publish")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<BundleResponse> publish(@PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(HttpStatus.OK, service.publish(code, Callers.ifMatch(ifMatch)));
    }

    private static ResponseEntity<BundleResponse> respond(HttpStatus status, Bundle bundle) {
        return ResponseEntity.status(status).header(HttpHeaders.ETAG, Callers.etag(bundle.version()))
                .body(BundleResponse.of(bundle));
    }
}
