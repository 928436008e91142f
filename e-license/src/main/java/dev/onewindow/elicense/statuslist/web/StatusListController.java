package dev.onewindow.elicense.statuslist.web;

import java.time.Duration;
import java.time.Instant;

import dev.onewindow.elicense.statuslist.StatusLists;
import dev.onewindow.elicense.statuslist.StatusLists.Published;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
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
class StatusListController {

    private final StatusLists lists;

    StatusListController(StatusLists lists) {
        this.lists = lists;
    }

    record StatusListResponse(String issuer, String statusPurpose, int size, String encodedList, Instant validFrom,
            Instant validUntil, String alg, String kid, String signature) {
        static StatusListResponse of(Published p) {
            return new StatusListResponse(p.issuer(), p.statusPurpose(), p.size(), p.encodedList(), p.validFrom(),
                    p.validUntil(), p.alg(), p.kid(), p.signature());
        }
    }

    @GetMapping("/{department}")
    ResponseEntity<StatusListResponse> get(
            @PathVariable @Pattern(regexp = "[A-Z0-9]{2,20}", message = "a department code") String department,
            @RequestParam(defaultValue = "revocation") String statusPurpose) {
        Published list = lists.of(department, StatusLists.Purpose.parse(statusPurpose));
        // short client caching: a revocation must reach verifiers quickly
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                .body(StatusListResponse.of(list));
    }
}
