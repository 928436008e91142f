package dev.onewindow.elicense.statuslist.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.statuslist.StatusLists;
import dev.onewindow.elicense.statuslist.StatusLists.Published;
import dev.onewindow.platform.web.caching.AnswerLifetime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An issuer's signed status list (public). {@code ?statusPurpose=revocation} (default) or {@code suspension}; a
 * licence's bit is at its {@code statusListIndex} (in its QR token as {@code sli}).
 */
@RestController
@RequestMapping("/api/v1/licenses/status-lists")
@Tag(name = "Status lists", description = """
        Signed bitstring status lists per issuing department (W3C Bitstring Status List style): a verifier checks \
        a licence's status by downloading its issuer's whole list, without telling anyone which licence it looks \
        at.""")
class StatusListController {

    private final StatusLists lists;
    private final Clock clock;

    StatusListController(StatusLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Schema(description = "A signed status list; `signature` covers the canonical JSON of the other members")
    record StatusListResponse(
            @Schema(description = "The issuing department", maxLength = Limits.DEPARTMENT_CODE_LENGTH,
                    pattern = Limits.DEPARTMENT_CODE) String issuer,
            @Schema(allowableValues = {"revocation", "suspension"}) String statusPurpose,
            @Schema(description = "Bits in the list: at least status-list.minimum-size, growing in such steps",
                    minimum = "8", maximum = "" + Limits.STATUS_LIST_BITS) int size,
            @Schema(description = "`u` + base64url(GZIP(bits)); index 0 is the most significant bit of the first byte",
                    maxLength = Limits.ENCODED_LIST_LENGTH, pattern = "^u[A-Za-z0-9_-]+$") String encodedList,
            @Schema(maxLength = Limits.INSTANT_LENGTH) Instant validFrom,
            @Schema(description = "Fetch a fresh list after this", maxLength = Limits.INSTANT_LENGTH)
            Instant validUntil,
            @Schema(allowableValues = {"ES256", "SM2"}) String alg,
            @Schema(description = "The issuer's seal key that signed it", maxLength = Limits.KID_LENGTH,
                    pattern = Limits.KID) String kid,
            @Schema(description = "base64url `r || s`", maxLength = Limits.SIGNATURE_LENGTH,
                    pattern = Limits.BASE64URL) String signature) {

        static StatusListResponse of(Published p) {
            return new StatusListResponse(p.issuer(), p.statusPurpose(), p.size(), p.encodedList(), p.validFrom(),
                    p.validUntil(), p.alg(), p.kid(), p.signature());
        }
    }

    @Operation(summary = "Read an issuer's signed status list", description = """
            A licence's bit is at its `statusListIndex` (in its QR token as `sli`): set in the `revocation` list \
            when it is revoked, in the `suspension` list while it is suspended. A department that never issued a \
            licence has none: 404. A cache keeps it for at most `status-list.max-age` (5 minutes, the W3C default \
            `ttl`) and never past its `validUntil`.""")
    @GetMapping("/{department}")
    ResponseEntity<StatusListResponse> get(
            @PathVariable @Size(max = Limits.DEPARTMENT_CODE_LENGTH)
            @Pattern(regexp = Limits.DEPARTMENT_CODE, message = "a department code") String department,
            @Parameter(description = "Which list", schema = @Schema(allowableValues = {"revocation", "suspension"},
                    defaultValue = "revocation", maxLength = 10))
            @RequestParam(defaultValue = "revocation") @Size(max = 10) String statusPurpose) {
        Published list = lists.of(department, StatusLists.Purpose.parse(statusPurpose));
        // the configured max-age (onewindow.http-cache) is the list's whole life: a list built a while ago has less
        AnswerLifetime.endsIn(Duration.between(clock.instant(), list.validUntil()));
        return ResponseEntity.ok().body(StatusListResponse.of(list));
    }
}
