package dev.onewindow.dataexchange.accesslog.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.accesslog.AccessLogEntry;
import dev.onewindow.dataexchange.accesslog.AccessLogService;
import dev.onewindow.dataexchange.accesslog.Checkpoint;
import dev.onewindow.dataexchange.accesslog.Outcome;
import dev.onewindow.dataexchange.accesslog.Verification;
import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.platform.domain.DomainException;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.dataexchange.Limits.MAX_LANES;
import static dev.onewindow.dataexchange.Limits.MAX_PAGE;
import static dev.onewindow.dataexchange.Limits.MAX_SEQ;
import static dev.onewindow.dataexchange.Limits.PAGE_SIZE;

/** The hash-chained access log, for auditors: entries, signed heads and verification. */
@RestController
@RequestMapping("/api/v1/exchange/access-log")
@Tag(name = "Access log", description = "Every access through data-exchange in an append-only log of independent "
        + "hash chains (lanes), whose heads are signed (ES256) and published at intervals (access-log.sealed).")
class AccessLogController {

    private static final String HEX64 = "^[0-9a-f]{64}$";

    private final AccessLogService log;
    private final DataExchangeProperties properties;

    AccessLogController(AccessLogService log, DataExchangeProperties properties) {
        this.log = log;
        this.properties = properties;
    }

    @Operation(summary = "Verify the log", description = """
            Recomputes every link of every lane (or of one lane from `from` to `to`) and compares each lane's end \
            with the latest signed head. Answers whether it verifies and, if not, the first broken link (lane, \
            sequence, entry id, problem). Never changes anything.""")
    @GetMapping("/verification")
    @PreAuthorize("hasRole('auditor')")
    VerificationResponse verify(
            @Parameter(description = "Only this lane", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_LANES))
            @RequestParam(required = false) @Min(0) @Max(MAX_LANES) Integer lane,
            @Parameter(description = "With lane: first sequence number", schema = @Schema(type = "integer",
                    format = "int64", minimum = "1", maximum = "" + MAX_SEQ, defaultValue = "1"))
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_SEQ) long from,
            @Parameter(description = "With lane: last sequence number (0 = to the end)", schema = @Schema(
                    type = "integer", format = "int64", minimum = "0", maximum = "" + MAX_SEQ, defaultValue = "0"))
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_SEQ) long to) {
        if (lane == null && (from != 1 || to != 0)) {
            throw DomainException.invalid("LANE_REQUIRED", "a range is a range of one lane");
        }
        return response(log.verify(lane, from, to, null));
    }

    @Operation(summary = "Verify the log against a signed head you hold", description = """
            The whole log, compared with a checkpoint as it was published (access-log.sealed, or an earlier read of \
            the latest checkpoint): its signature is checked first, then every lane must reach its signed sequence \
            with the signed hash — a log cut short after it is TRUNCATED.""")
    @PostMapping("/verification")
    @PreAuthorize("hasRole('auditor')")
    VerificationResponse verifyAgainst(@Valid @RequestBody CheckpointBody checkpoint) {
        return response(log.verify(null, 1, 0, AccessLogService.published(checkpoint.checkpointId(),
                checkpoint.sealedAt(), checkpoint.heads().stream().map(h -> new Checkpoint.Head(h.lane(), h.seq(),
                        h.hash())).toList(), checkpoint.kid(), checkpoint.signature())));
    }

    @Operation(summary = "Read the latest signed head")
    @GetMapping("/checkpoints/latest")
    @PreAuthorize("hasRole('auditor')")
    CheckpointBody latest() {
        return log.latest().map(AccessLogController::body)
                .orElseThrow(() -> DomainException.notFound("checkpoint", "latest"));
    }

    @Operation(summary = "Sign the heads now", description = "Seals a checkpoint at once instead of at the next "
            + "interval (404 when nothing was appended since the last one).")
    @PostMapping("/checkpoints")
    @PreAuthorize("hasRole('auditor')")
    CheckpointBody seal() {
        return log.seal().or(log::latest).map(AccessLogController::body)
                .orElseThrow(() -> DomainException.notFound("checkpoint", "latest"));
    }

    @Operation(summary = "Read the head-signing key", description = "The public key (JWK, ES256) the heads are "
            + "signed with.")
    @GetMapping("/key")
    @PreAuthorize("hasRole('auditor')")
    Map<String, Object> key() {
        return log.publicKey();
    }

    @Operation(summary = "Read a lane's entries", description = "In sequence order from `from`; who, which grant, "
            + "purpose, which fields were queried (never the values), outcome, count and result hash.")
    @GetMapping("/entries")
    @PreAuthorize("hasRole('auditor')")
    EntryPage entries(
            @Parameter(description = "The lane", schema = @Schema(type = "integer", format = "int32", minimum = "0",
                    maximum = "" + MAX_LANES), required = true)
            @RequestParam @Min(0) @Max(MAX_LANES) int lane,
            @Parameter(description = "First sequence number", schema = @Schema(type = "integer", format = "int64",
                    minimum = "1", maximum = "" + MAX_SEQ, defaultValue = "1"))
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_SEQ) long from,
            @Parameter(description = "Entries per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        Page<AccessLogEntry> found = log.entries(lane, from, Paging.of(0, size, properties.maxPageSize()));
        return new EntryPage(found.getContent().stream().map(e -> new EntryResponse(e.id(), e.lane(), e.seq(),
                e.prevHash(), e.hash(), e.at(), e.consumerDepartment(), e.consumerClient(), e.grantId(),
                e.resourceCode(), e.providerDepartment(), e.purpose(), e.criteria(), e.queryDigest(), e.outcome(),
                e.code(), e.recordCount(), e.resultHash())).toList(), found.getTotalElements());
    }

    private static CheckpointBody body(Checkpoint c) {
        return new CheckpointBody(c.id(), c.sealedAt(), c.heads().stream().map(h -> new HeadBody(h.lane(), h.seq(),
                h.hash())).toList(), c.kid(), c.algorithm(), c.signature());
    }

    private static VerificationResponse response(Verification v) {
        return new VerificationResponse(v.verified(), v.entries(), v.lanes().stream().map(l -> new LaneBody(l.lane(),
                l.fromSeq(), l.lastSeq(), l.lastHash(), l.entries(), broken(l.broken()))).toList(),
                broken(v.firstBroken()), v.checkpoint() == null ? null : v.checkpoint().id(), v.checkedAt(),
                v.took().toMillis());
    }

    private static BrokenBody broken(Verification.Broken b) {
        return b == null ? null : new BrokenBody(b.lane(), b.seq(), b.entryId(), b.problem(), b.detail());
    }

    @Schema(description = "A lane's head")
    record HeadBody(
            @NotNull @Min(0) @Max(MAX_LANES) @Schema(minimum = "0", maximum = "" + MAX_LANES) Integer lane,
            @NotNull @Min(0) @Max(MAX_SEQ) @Schema(minimum = "0", maximum = "" + MAX_SEQ) Long seq,
            @NotBlank @Pattern(regexp = HEX64) @Size(max = 64) @Schema(maxLength = 64, pattern = HEX64) String hash) {
    }

    @Schema(description = "A signed head of the log (checkpoint), as published")
    record CheckpointBody(
            @NotBlank @Size(max = 36) @Schema(maxLength = 36) String checkpointId,
            @NotNull @Schema(maxLength = 35) Instant sealedAt,
            @NotEmpty @Size(max = MAX_LANES) @ArraySchema(maxItems = MAX_LANES) List<@Valid @NotNull HeadBody> heads,
            @NotBlank @Size(max = 64) @Schema(maxLength = 64) String kid,
            @Size(max = 8) @Schema(maxLength = 8, description = "ES256") String algorithm,
            @NotBlank @Size(max = 200) @Schema(maxLength = 200, description = "ECDSA P-256 SHA-256, DER, Base64")
            String signature) {
    }

    @Schema(description = "A broken link")
    record BrokenBody(
            @Schema(minimum = "-1", maximum = "" + MAX_LANES) int lane,
            @Schema(minimum = "0", maximum = "" + MAX_SEQ) long seq,
            @Schema(maxLength = 15) String entryId,
            Verification.Problem problem,
            @Schema(maxLength = 200) String detail) {
    }

    @Schema(description = "What one lane's check found")
    record LaneBody(
            @Schema(minimum = "0", maximum = "" + MAX_LANES) int lane,
            @Schema(minimum = "0", maximum = "" + MAX_SEQ) long fromSeq,
            @Schema(minimum = "0", maximum = "" + MAX_SEQ) long lastSeq,
            @Schema(maxLength = 64) String lastHash,
            @Schema(minimum = "0", maximum = "" + MAX_SEQ) long entries,
            BrokenBody broken) {
    }

    @Schema(description = "The result of a verification")
    record VerificationResponse(
            boolean verified,
            @Schema(minimum = "0", maximum = "" + MAX_SEQ) long entries,
            @ArraySchema(maxItems = MAX_LANES) List<LaneBody> lanes,
            BrokenBody firstBroken,
            @Schema(maxLength = 36, description = "the signed head compared with") String checkpointId,
            @Schema(maxLength = 35) Instant checkedAt,
            @Schema(minimum = "0", maximum = "100000000") long tookMillis) {
    }

    @Schema(description = "An access-log entry")
    record EntryResponse(
            @Schema(maxLength = 15) String id,
            @Schema(minimum = "0", maximum = "" + MAX_LANES) int lane,
            @Schema(minimum = "1", maximum = "" + MAX_SEQ) long seq,
            @Schema(maxLength = 64) String prevHash,
            @Schema(maxLength = 64) String hash,
            @Schema(maxLength = 35) Instant at,
            @Schema(maxLength = 16) String consumerDepartment,
            @Schema(maxLength = 64) String consumerClient,
            @Schema(maxLength = 36) String grantId,
            @Schema(maxLength = 33) String resourceCode,
            @Schema(maxLength = 16) String providerDepartment,
            @Schema(maxLength = 1000) String purpose,
            @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 32)) List<String> criteria,
            @Schema(maxLength = 64, description = "keyed hash of the query's values") String queryDigest,
            Outcome outcome,
            @Schema(maxLength = 64) String code,
            @Schema(minimum = "0", maximum = "100") int recordCount,
            @Schema(maxLength = 64) String resultHash) {
    }

    @Schema(description = "Entries of a lane")
    record EntryPage(@ArraySchema(maxItems = PAGE_SIZE) List<EntryResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_SEQ) long total) {
    }
}
