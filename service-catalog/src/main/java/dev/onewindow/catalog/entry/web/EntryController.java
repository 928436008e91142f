package dev.onewindow.catalog.entry.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.Codes;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.EntryReads;
import dev.onewindow.catalog.entry.EntryService;
import dev.onewindow.catalog.entry.EntryStatus;
import dev.onewindow.catalog.entry.EntryVersion;
import dev.onewindow.catalog.entry.VersionStatus;
import dev.onewindow.catalog.entry.Viewer;
import dev.onewindow.catalog.web.Callers;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.problem.FieldViolation;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Implementation list entries (实施清单). Published versions are public (docs/service-contracts.md); drafting is for
 * catalog admins and — for their own department — department admins; publishing, suspending, resuming and
 * withdrawing are for catalog admins. Write responses carry the entry's revision as {@code ETag}; sending it back as
 * {@code If-Match} makes a write fail with 409 if someone else changed the entry in between.
 */
@RestController
@RequestMapping("/api/v1/catalog/entries")
class EntryController {

    private static final String EDITORS = "hasAnyRole('catalog-admin', 'dept-admin')";

    private final EntryService service;
    private final EntryReads reads;

    EntryController(EntryService service, EntryReads reads) {
        this.service = service;
        this.reads = reads;
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record VersionSummary(int version, VersionStatus status, Instant publishedAt, Instant updatedAt) {
        static VersionSummary of(EntryVersion v) {
            return new VersionSummary(v.version(), v.status(), v.publishedAt(), v.updatedAt());
        }
    }

    record EntrySummary(String implementationCode, String name, String departmentCode, String region,
            EntryStatus status, Integer currentVersion, Integer draftVersion, Long revision) {
        static EntrySummary of(CatalogEntry e) {
            EntryVersion latest = e.versions().get(e.versions().size() - 1);
            return new EntrySummary(e.implementationCode(), latest.content().name(), e.departmentCode(),
                    e.regionCode(), e.status(), e.currentVersion(), e.draftVersion(), e.version());
        }
    }

    record VersionsResponse(String implementationCode, EntryStatus status, Integer currentVersion,
            List<VersionSummary> versions) {
    }

    /** The current published version (404 if there is none). */
    @GetMapping("/{code}")
    EntryResponse current(@PathVariable String code) {
        return reads.current(code).map(EntryResponse::of).orElseThrow(() -> ApiException.notFound("entry", code));
    }

    /** A numbered version, whatever its status now; drafts only for staff of the department and catalog admins. */
    @GetMapping("/{code}/versions/{version}")
    EntryResponse version(@PathVariable String code, @PathVariable @Min(1) @Max(100_000) int version) {
        return reads.version(code, version, viewer()).map(EntryResponse::of)
                .orElseThrow(() -> ApiException.notFound("entry version", code + "/" + version));
    }

    @GetMapping("/{code}/versions")
    VersionsResponse versions(@PathVariable String code) {
        Viewer viewer = viewer();
        CatalogEntry entry = reads.entry(code, viewer).orElseThrow(() -> ApiException.notFound("entry", code));
        List<VersionSummary> visible = entry.versions().stream()
                .filter(v -> v.publiclyReadable() || viewer.maySeeDraftsOf(entry.departmentCode()))
                .map(VersionSummary::of).toList();
        return new VersionsResponse(code, entry.status(), entry.currentVersion(), visible);
    }

    /** Staff list of entries: catalog admins and auditors see every department, other staff their own. */
    @GetMapping
    PageResponse<EntrySummary> list(@RequestParam(required = false) @Pattern(regexp = Codes.DEPARTMENT) String department,
            @RequestParam(required = false) EntryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        String scope = department;
        if (!caller.hasAnyRole(Roles.CATALOG_ADMIN, Roles.AUDITOR)) {
            if (caller.dept() == null) {
                throw ApiException.forbidden("only staff list entries");
            }
            if (department != null && !caller.inDepartment(department)) {
                throw ApiException.forbidden("staff list the entries of their own department only");
            }
            scope = caller.dept();
        }
        return PageResponse.of(reads.list(scope, status, page, size), EntrySummary::of);
    }

    /** The open draft, for editors: its ETag is what a following PUT sends as If-Match. */
    @GetMapping("/{code}/draft")
    ResponseEntity<EntryResponse> draft(@PathVariable String code, Caller caller) {
        CatalogEntry entry = reads.entry(code, viewer(caller))
                .filter(e -> viewer(caller).maySeeDraftsOf(e.departmentCode()))
                .orElseThrow(() -> ApiException.notFound("entry", code));
        EntryVersion draft = entry.openDraft().orElseThrow(() -> ApiException.notFound("draft of entry", code));
        return withRevision(HttpStatus.OK, entry, draft);
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<EntryResponse> create(@Valid @RequestBody DraftEntryRequest request, Caller caller) {
        if (request.basicCode() == null || request.departmentCode() == null) {
            throw ApiException.badRequest("VALIDATION_FAILED", "basicCode and departmentCode are required")
                    .with("errors", List.of(new FieldViolation(request.basicCode() == null ? "basicCode"
                            : "departmentCode", "NOT_NULL", "must not be null")));
        }
        CatalogEntry entry = service.create(editor(caller), request.toDraft());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/catalog/entries/" + entry.implementationCode() + "/draft")
                .header(HttpHeaders.ETAG, Callers.etag(entry.version()))
                .body(EntryResponse.of(entry, entry.openDraft().orElseThrow()));
    }

    /** Edits the open draft, or starts the next version (a revision) when the entry has none. */
    @PutMapping("/{code}/draft")
    @PreAuthorize(EDITORS)
    ResponseEntity<EntryResponse> saveDraft(@PathVariable String code, @Valid @RequestBody DraftEntryRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        CatalogEntry entry = service.saveDraft(editor(caller), code, request.toDraft(), Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.openDraft().orElseThrow());
    }

    @PostMapping("/{code}/publish")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<EntryResponse> publish(@PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        CatalogEntry entry = service.publish(editor(caller), code, Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.published().orElseThrow());
    }

    @PostMapping("/{code}/suspend")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<EntryResponse> suspend(@PathVariable String code, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        CatalogEntry entry = service.suspend(editor(caller), code, request.reason(), Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.version(entry.currentVersion()).orElseThrow());
    }

    @PostMapping("/{code}/resume")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<EntryResponse> resume(@PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        CatalogEntry entry = service.resume(editor(caller), code, Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.published().orElseThrow());
    }

    @PostMapping("/{code}/withdraw")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<EntryResponse> withdraw(@PathVariable String code, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        CatalogEntry entry = service.withdraw(editor(caller), code, request.reason(), Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.version(entry.currentVersion()).orElseThrow());
    }

    private static ResponseEntity<EntryResponse> withRevision(HttpStatus status, CatalogEntry entry,
            EntryVersion version) {
        return ResponseEntity.status(status).header(HttpHeaders.ETAG, Callers.etag(entry.version()))
                .body(EntryResponse.of(entry, version));
    }

    static Editor editor(Caller caller) {
        return new Editor(caller.username(), caller.hasRole(Roles.CATALOG_ADMIN), caller.hasRole(Roles.DEPT_ADMIN),
                caller.dept());
    }

    private static Viewer viewer() {
        return Callers.optional().map(EntryController::viewer).orElse(Viewer.ANONYMOUS);
    }

    private static Viewer viewer(Caller caller) {
        return new Viewer(caller.hasAnyRole(Roles.CATALOG_ADMIN, Roles.AUDITOR), caller.dept());
    }
}
