package dev.onewindow.catalog.entry.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.EntryReads;
import dev.onewindow.catalog.entry.EntryService;
import dev.onewindow.catalog.entry.EntryStatus;
import dev.onewindow.catalog.entry.EntryVersion;
import dev.onewindow.catalog.entry.VersionStatus;
import dev.onewindow.catalog.entry.Viewer;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import dev.onewindow.catalog.web.Callers;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Implementation list entries (实施清单). Published versions are public (docs/service-contracts.md); drafting and
 * submitting for review are for catalog admins and — for their own department — department admins; reviewing
 * (publishing or returning a version in review) for catalog admins and the department's reviewers, never the
 * version's author; suspending, resuming and withdrawing for catalog admins. Write responses carry the entry's
 * revision as {@code ETag}; sending it back as {@code If-Match} makes a write fail with 409 if someone else changed
 * the entry in between.
 */
@RestController
@RequestMapping("/api/v1/catalog/entries")
@Tag(name = "Entries", description = """
        Implementation list entries (实施清单): one service item as one department implements it in one region, with \
        all its versions. Published versions are public. Review before publication (审核发布): staff draft a version \
        and submit it for review (`DRAFT → IN_REVIEW`); a second person — a catalog admin or a reviewer of the \
        entry's department, never one of its authors — publishes it or returns it to draft with a comment. Catalog \
        admins suspend, resume and withdraw. Writes answer the entry's revision as `ETag`; send it back as \
        `If-Match` and the write fails with 409 `CONCURRENT_UPDATE` if someone changed the entry in between.""")
class EntryController {

    private static final String EDITORS = "hasAnyRole('catalog-admin', 'dept-admin')";
    private static final String REVIEWERS = "hasAnyRole('catalog-admin', 'reviewer')";
    private static final String IF_MATCH = "The `ETag` of the revision the change is based on (optional; anything "
            + "else than an entity tag is 400 `INVALID_IF_MATCH`)";

    private final EntryService service;
    private final EntryReads reads;

    EntryController(EntryService service, EntryReads reads) {
        this.service = service;
        this.reads = reads;
    }

    /** Why an entry is suspended or withdrawn: may run over several lines. */
    record ReasonRequest(@MultiLineText @NotBlank @Size(max = Limits.NOTE) String reason) {
    }

    /** Why the reviewer returns a version to draft: may run over several lines. */
    record ReturnRequest(@MultiLineText @NotBlank @Size(max = Limits.NOTE) String comment) {
    }

    @Schema(description = "One version of an entry, without its content.")
    record VersionSummary(
            @Schema(minimum = "1", maximum = "" + Limits.VERSIONS) int version,
            VersionStatus status,
            @Schema(maxLength = ApiBounds.INSTANT, description = "null for a draft") Instant publishedAt,
            @Schema(maxLength = ApiBounds.INSTANT) Instant updatedAt) {
        static VersionSummary of(EntryVersion v) {
            return new VersionSummary(v.version(), v.status(), v.publishedAt(), v.updatedAt());
        }
    }

    @Schema(description = "An entry in a staff list: its latest version's name, its status and its revision.")
    record EntrySummary(
            @Schema(maxLength = Codes.IMPLEMENTATION_MAX, pattern = Codes.IMPLEMENTATION) String implementationCode,
            @Schema(maxLength = Limits.NAME) String name,
            @Schema(maxLength = Codes.DEPARTMENT_MAX, pattern = Codes.DEPARTMENT) String departmentCode,
            @Schema(maxLength = Codes.REGION_LENGTH, pattern = Codes.REGION) String region,
            EntryStatus status,
            @Schema(minimum = "1", maximum = "" + Limits.VERSIONS, description = "null before the first publication")
            Integer currentVersion,
            @Schema(minimum = "1", maximum = "" + Limits.VERSIONS, description = "null when nothing is in draft")
            Integer draftVersion,
            @Schema(minimum = "0", maximum = ApiBounds.LONG_MAX, description = "The revision (ETag) of the entry")
            Long revision,
            @Schema(description = "`DRAFT` or `IN_REVIEW` (waiting for a reviewer); null when nothing is in draft")
            VersionStatus draftStatus) {
        static EntrySummary of(CatalogEntry e) {
            EntryVersion latest = e.versions().get(e.versions().size() - 1);
            return new EntrySummary(e.implementationCode(), latest.content().name(), e.departmentCode(),
                    e.regionCode(), e.status(), e.currentVersion(), e.draftVersion(), e.version(),
                    e.openDraft().map(EntryVersion::status).orElse(null));
        }
    }

    @Schema(description = "The versions of an entry the caller may see, oldest first.")
    record VersionsResponse(
            @Schema(maxLength = Codes.IMPLEMENTATION_MAX, pattern = Codes.IMPLEMENTATION) String implementationCode,
            EntryStatus status,
            @Schema(minimum = "1", maximum = "" + Limits.VERSIONS, description = "null before the first publication")
            Integer currentVersion,
            @ArraySchema(maxItems = Limits.VERSIONS) List<VersionSummary> versions) {
    }

    @Operation(summary = "Read the current published version of an entry",
            description = "404 when the entry has none (never published, suspended or withdrawn).")
    @GetMapping("/{code}")
    EntryResponse current(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code) {
        Viewer viewer = EntryCallers.viewer();
        return reads.current(code).map(v -> EntryResponse.of(v, viewer))
                .orElseThrow(() -> DomainException.notFound("entry", code));
    }

    @Operation(summary = "Read one version of an entry by its number",
            description = "Whatever its status now, so a case is judged under the version it was submitted with. "
                    + "Versions that were never published (drafts, versions in review) only for staff of the entry's "
                    + "department, catalog admins and auditors; 404 for everyone else. `history` only for them too.")
    @GetMapping("/{code}/versions/{version}")
    EntryResponse version(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @PathVariable @Min(1) @Max(Limits.VERSIONS) int version) {
        Viewer viewer = EntryCallers.viewer();
        return reads.version(code, version, viewer).map(v -> EntryResponse.of(v, viewer))
                .orElseThrow(() -> DomainException.notFound("entry version", code + "/" + version));
    }

    @Operation(summary = "List the versions of an entry",
            description = "Anonymous callers see the versions that were published; staff of the entry's department, "
                    + "catalog admins and auditors also the drafts.")
    @GetMapping("/{code}/versions")
    VersionsResponse versions(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code) {
        Viewer viewer = EntryCallers.viewer();
        CatalogEntry entry = reads.entry(code, viewer).orElseThrow(() -> DomainException.notFound("entry", code));
        List<VersionSummary> visible = entry.versions().stream()
                .filter(v -> v.publiclyReadable() || viewer.maySeeDraftsOf(entry.departmentCode()))
                .map(VersionSummary::of).toList();
        return new VersionsResponse(code, entry.status(), entry.currentVersion(), visible);
    }

    @Operation(summary = "List entries (staff)",
            description = "For staff (a token with a `dept` claim): their own department's entries; catalog admins and "
                    + "auditors list every department's. Any status, in implementation-code order. `draftStatus` "
                    + "`IN_REVIEW` marks the versions waiting for a reviewer.")
    @GetMapping
    PageResponse<EntrySummary> list(
            @RequestParam(required = false) @Parameter(description = "Only this department's entries")
            @Size(max = Codes.DEPARTMENT_MAX) @Pattern(regexp = Codes.DEPARTMENT) String department,
            @RequestParam(required = false) EntryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.PAGE_MAX) int page,
            @RequestParam(defaultValue = ApiBounds.PAGE_SIZE_DEFAULT) @Min(1) @Max(ApiBounds.PAGE_SIZE_MAX) int size,
            Caller caller) {
        String scope = department;
        if (!caller.hasAnyRole(Roles.CATALOG_ADMIN, Roles.AUDITOR)) {
            if (caller.dept() == null) {
                throw DomainException.notAllowed("only staff list entries");
            }
            if (department != null && !caller.inDepartment(department)) {
                throw DomainException.notAllowed("staff list the entries of their own department only");
            }
            scope = caller.dept();
        }
        return PageResponse.of(reads.list(scope, status, Paging.of(page, size, ApiBounds.PAGE_SIZE_MAX)),
                EntrySummary::of);
    }

    @Operation(summary = "Read the open draft of an entry",
            description = "The version being drafted or in review (`DRAFT` or `IN_REVIEW`). For staff of the entry's "
                    + "department, catalog admins and auditors (404 for anyone else, and when nothing is in draft). Its `ETag` is what a following edit sends as `If-Match`.")
    @GetMapping("/{code}/draft")
    ResponseEntity<EntryResponse> draft(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            Caller caller) {
        Viewer viewer = EntryCallers.viewer(caller);
        CatalogEntry entry = reads.entry(code, viewer).filter(e -> viewer.maySeeDraftsOf(e.departmentCode()))
                .orElseThrow(() -> DomainException.notFound("entry", code));
        EntryVersion draft = entry.openDraft().orElseThrow(() -> DomainException.notFound("draft of entry", code));
        return withRevision(HttpStatus.OK, entry, draft);
    }

    @Operation(summary = "Create an entry with its first version in draft",
            description = "Catalog admins draft for every department, department admins for their own only (403 "
                    + "otherwise). The entry's code is basic code + region + department code. 409 `ENTRY_EXISTS` "
                    + "when it exists: edit its draft instead.")
    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<EntryResponse> create(@Valid @RequestBody DraftEntryRequest request, Caller caller) {
        if (request.basicCode() == null || request.departmentCode() == null) {
            throw DomainException.invalid("VALIDATION_FAILED", "basicCode and departmentCode are required")
                    .with("errors", List.of(new FieldViolation(request.basicCode() == null ? "basicCode"
                            : "departmentCode", "NOT_NULL", "must not be null")));
        }
        CatalogEntry entry = service.create(EntryCallers.editor(caller), request.toDraft());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/catalog/entries/" + entry.implementationCode() + "/draft")
                .header(HttpHeaders.ETAG, Callers.etag(entry.version()))
                .body(EntryResponse.of(entry, entry.openDraft().orElseThrow()));
    }

    @Operation(summary = "Edit the draft of an entry, or start its next version",
            description = "Changes the open draft; when the entry has none, starts the next version as a draft (a "
                    + "revision: the published version stays current until the draft is published). Department "
                    + "admins edit their own department's entries only (403 otherwise). The editor becomes one of "
                    + "the version's authors, who may not publish it. A version in review is 409 "
                    + "`ILLEGAL_STATE_TRANSITION` (`currentState` `IN_REVIEW`): a reviewer returns it first.")
    @PutMapping("/{code}/draft")
    @PreAuthorize(EDITORS)
    ResponseEntity<EntryResponse> saveDraft(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @Valid @RequestBody DraftEntryRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH,
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        CatalogEntry entry = service.saveDraft(EntryCallers.editor(caller), code, request.toDraft(),
                Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.openDraft().orElseThrow());
    }

    @Operation(summary = "Submit the draft of an entry for review (审核)",
            description = "`DRAFT → IN_REVIEW`: the version is frozen until a reviewer publishes it or returns it to "
                    + "draft. For whoever may draft the entry (catalog admins; department admins of its department). "
                    + "409 `ILLEGAL_STATE_TRANSITION` when there is no draft or it is in review already.")
    @PostMapping("/{code}/submit")
    @PreAuthorize(EDITORS)
    ResponseEntity<EntryResponse> submit(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH,
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        CatalogEntry entry = service.submit(EntryCallers.editor(caller), code, Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.openDraft().orElseThrow());
    }

    @Operation(summary = "Return a version in review to draft, with a comment",
            description = "`IN_REVIEW → DRAFT`, recording the reviewer, the instant and the comment in the "
                    + "version's `history`. For catalog admins and reviewers of the entry's department (403 "
                    + "otherwise); 409 `ILLEGAL_STATE_TRANSITION` when no version is in review.")
    @PostMapping("/{code}/return")
    @PreAuthorize(REVIEWERS)
    ResponseEntity<EntryResponse> returnToDraft(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @Valid @RequestBody ReturnRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH,
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        CatalogEntry entry = service.returnToDraft(EntryCallers.editor(caller), code, request.comment(),
                Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.openDraft().orElseThrow());
    }

    @Operation(summary = "Publish the version in review (审核发布)",
            description = "The version submitted for review becomes the current version (`item.published` the first "
                    + "time, `item.revised` after); the version it replaces is superseded and stays readable by its "
                    + "number. By a second person: a catalog admin or a reviewer of the entry's department (403 "
                    + "otherwise), never one of the version's authors (403 `SAME_PERSON_DRAFT_AND_PUBLISH`); a draft "
                    + "that was not submitted is 409 `NOT_SUBMITTED_FOR_REVIEW`. With "
                    + "`onewindow.catalog.review-before-publication=false` a catalog admin publishes the draft "
                    + "directly.")
    @PostMapping("/{code}/publish")
    @PreAuthorize(REVIEWERS)
    ResponseEntity<EntryResponse> publish(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH,
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        CatalogEntry entry = service.publish(EntryCallers.editor(caller), code, Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.published().orElseThrow());
    }

    @Operation(summary = "Suspend a published entry",
            description = "It accepts no applications (暂停) until resumed or revised: unlisted, its versions stay "
                    + "readable by number.")
    @PostMapping("/{code}/suspend")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<EntryResponse> suspend(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @Valid @RequestBody ReasonRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH,
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        CatalogEntry entry = service.suspend(EntryCallers.editor(caller), code, request.reason(),
                Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.version(entry.currentVersion()).orElseThrow());
    }

    @Operation(summary = "Resume a suspended entry", description = "Its version is listed again (`item.published` "
            + "with `resumed`).")
    @PostMapping("/{code}/resume")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<EntryResponse> resume(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH,
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        CatalogEntry entry = service.resume(EntryCallers.editor(caller), code, Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.published().orElseThrow());
    }

    @Operation(summary = "Withdraw an entry for good",
            description = "Cancelled (取消): nothing more can happen to it. Its published versions stay readable by "
                    + "number for the cases under them.")
    @PostMapping("/{code}/withdraw")
    @PreAuthorize("hasRole('catalog-admin')")
    ResponseEntity<EntryResponse> withdraw(@PathVariable @Parameter(description = "Implementation code")
            @Size(max = Codes.IMPLEMENTATION_MAX) @Pattern(regexp = Codes.IMPLEMENTATION) String code,
            @Valid @RequestBody ReasonRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH,
                    schema = @Schema(maxLength = ApiBounds.IF_MATCH, pattern = ApiBounds.IF_MATCH_FORMAT))
            @Size(max = ApiBounds.IF_MATCH) String ifMatch,
            Caller caller) {
        CatalogEntry entry = service.withdraw(EntryCallers.editor(caller), code, request.reason(),
                Callers.ifMatch(ifMatch));
        return withRevision(HttpStatus.OK, entry, entry.version(entry.currentVersion()).orElseThrow());
    }

    private static ResponseEntity<EntryResponse> withRevision(HttpStatus status, CatalogEntry entry,
            EntryVersion version) {
        return ResponseEntity.status(status).header(HttpHeaders.ETAG, Callers.etag(entry.version()))
                .body(EntryResponse.of(entry, version));
    }
}
