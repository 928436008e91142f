package dev.onewindow.elicense.seal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.seal.KeyRing;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The departments' public seal keys (public, anonymous), JWKS-style: everything an offline verifier needs to check a
 * licence's QR token or a status list. Retired keys stay listed so older licences keep verifying.
 */
@RestController
@RequestMapping("/api/v1/licenses/keys")
class KeysController {

    private final KeyRing keys;

    KeysController(KeyRing keys) {
        this.keys = keys;
    }

    record KeySetResponse(List<Map<String, Object>> keys) {
    }

    @GetMapping
    ResponseEntity<KeySetResponse> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(publish(keys));
    }

    /** The published key set, as served (also used by tests that verify offline from exactly this output). */
    static KeySetResponse publish(KeyRing ring) {
        return new KeySetResponse(ring.published().stream().map(k -> k.key().jwk(k.active())).toList());
    }
}
