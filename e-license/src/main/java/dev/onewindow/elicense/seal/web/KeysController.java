package dev.onewindow.elicense.seal.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.seal.KeyRing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Seal keys", description = """
        The departments' public seal keys (电子印章), JWKS-style: all an offline verifier needs to check a licence's \
        QR token or a status list. Keys retired by a rotation stay listed, so what they sealed keeps verifying.""")
class KeysController {

    private final KeyRing keys;

    KeysController(KeyRing keys) {
        this.keys = keys;
    }

    @Schema(description = "A department's public seal key: JWK members (RFC 7517/7518) plus `dept` and `status`")
    record KeyResponse(
            @Schema(allowableValues = "EC") String kty,
            @Schema(allowableValues = {"P-256", "SM2"}) String crv,
            @Schema(description = "Affine x coordinate (32 bytes, base64url)", maxLength = Limits.COORDINATE_LENGTH,
                    pattern = Limits.BASE64URL) String x,
            @Schema(description = "Affine y coordinate (32 bytes, base64url)", maxLength = Limits.COORDINATE_LENGTH,
                    pattern = Limits.BASE64URL) String y,
            @Schema(maxLength = Limits.KID_LENGTH, pattern = Limits.KID) String kid,
            @Schema(description = "ES256 (ECDSA P-256, SHA-256) or SM2 (SM2 with SM3, signer ID 1234567812345678)",
                    allowableValues = {"ES256", "SM2"}) String alg,
            @Schema(allowableValues = "sig") String use,
            @Schema(description = "The department whose seal it is", maxLength = Limits.DEPARTMENT_CODE_LENGTH,
                    pattern = Limits.DEPARTMENT_CODE) String dept,
            @Schema(description = "`active` seals new licences; `retired` only verifies",
                    allowableValues = {"active", "retired"}) String status) {

        static KeyResponse of(Map<String, Object> jwk) {
            return new KeyResponse(text(jwk, "kty"), text(jwk, "crv"), text(jwk, "x"), text(jwk, "y"),
                    text(jwk, "kid"), text(jwk, "alg"), text(jwk, "use"), text(jwk, "dept"), text(jwk, "status"));
        }

        private static String text(Map<String, Object> jwk, String member) {
            return (String) jwk.get(member);
        }
    }

    record KeySetResponse(@ArraySchema(maxItems = Limits.PUBLISHED_KEYS) List<KeyResponse> keys) {
    }

    @Operation(summary = "List the published seal keys", description = """
            Every department's seal keys, active and retired. Find a QR token's or status list's key by `kid`, check \
            that its `alg` matches and that its `dept` is the token's issuer, then verify. A new key is published \
            before it seals (at least the `max-age` below), so a set kept that long knows every key a token names.""")
    @GetMapping
    ResponseEntity<KeySetResponse> keys() {
        return ResponseEntity.ok().body(publish(keys));
    }

    /** The published key set, as served (also used by tests that verify offline from exactly this output). */
    static KeySetResponse publish(KeyRing ring) {
        return new KeySetResponse(ring.published().stream().map(k -> KeyResponse.of(k.key().jwk(k.active())))
                .toList());
    }
}
