package dev.onewindow.elicense.seal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licence's QR payload: a compact signed token a verifier can check offline with the published department keys
 * alone ({@code GET /api/v1/licenses/keys}).
 *
 * <p>Format: JWS compact serialisation (RFC 7515) {@code base64url(header) "." base64url(payload) "."
 * base64url(signature)}, signature over the ASCII bytes of {@code base64url(header) "." base64url(payload)}.
 * <ul>
 *   <li>header {@code {"alg":"ES256"|"SM2","kid":"…","typ":"ow-license+jws"}}</li>
 *   <li>payload {@code {"dig":…,"exp":…,"iat":…,"iss":…,"lid":…,"ltp":…,"sli":…,"ver":…}}: {@code lid} licence id,
 *       {@code iss} issuing department code, {@code ltp} licence type code, {@code ver} licence version, {@code dig}
 *       base64url digest of the licence's canonical form (SHA-256 for ES256, SM3 for SM2), {@code sli} the licence's
 *       index in its issuer's bitstring status lists ({@code GET /api/v1/licenses/status-lists/{iss}}), {@code iat}
 *       when the token was made and {@code exp} when it stops being valid (epoch seconds, RFC 7519): the end of the
 *       licence's last valid day (Asia/Shanghai) or the token's own short validity, whichever is earlier</li>
 *   <li>{@code ES256}: ECDSA P-256 with SHA-256, signature {@code r || s} (RFC 7518 §3.4), a standard JWS any JOSE
 *       library verifies.</li>
 *   <li>{@code SM2} (not a registered JOSE algorithm; same layout): SM2 signature with SM3 (GB/T 32918.2, signer ID
 *       {@code 1234567812345678}) over the same signing input, signature {@code r || s} (32 + 32 bytes).</li>
 * </ul>
 * The header and payload are canonical JSON. A token is made whenever the licence is read (it expires), so the same
 * licence has many tokens over time; each binds the same digest.
 */
public final class QrToken {

    public static final String TYPE = "ow-license+jws";
    /** Far longer than any token this service issues; bounds the work an anonymous caller can cause. */
    private static final int MAX_LENGTH = 2048;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QrToken() {
    }

    /**
     * What a token asserts about its licence. {@code issuedAt} and {@code expiresAt} are epoch seconds;
     * {@code expiresAt} is {@code null} only in a token read from before tokens carried {@code exp}.
     */
    public record Claims(String licenseId, String issuer, String typeCode, int version, String digest,
            long statusListIndex, long issuedAt, Long expiresAt) {
    }

    /** A token taken apart, not yet verified. */
    public record Parsed(String alg, String kid, Claims claims, byte[] signingInput, byte[] signature) {

        /** Whether {@code key} (looked up by {@link #kid()}) signed this token with the algorithm it names. */
        public boolean verifiedBy(SigningKey key) {
            return key != null && key.kid().equals(kid) && key.algorithm().name().equals(alg)
                    && key.verify(signingInput, signature);
        }
    }

    public static String create(SigningKey key, Claims claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key.algorithm().name());
        header.put("kid", key.kid());
        header.put("typ", TYPE);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lid", claims.licenseId());
        payload.put("iss", claims.issuer());
        payload.put("ltp", claims.typeCode());
        payload.put("ver", claims.version());
        payload.put("dig", claims.digest());
        payload.put("sli", claims.statusListIndex());
        payload.put("iat", claims.issuedAt());
        payload.put("exp", java.util.Objects.requireNonNull(claims.expiresAt(), "a token expires"));
        String signingInput = Base64Url.encode(CanonicalJson.bytes(header)) + "."
                + Base64Url.encode(CanonicalJson.bytes(payload));
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }

    /**
     * Takes a token apart.
     *
     * @throws IllegalArgumentException if it is not a licence token of this format (the caller refuses it as invalid
     *                                  input)
     */
    public static Parsed parse(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a licence token");
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a licence token has three dot-separated parts");
        }
        try {
            JsonNode header = JSON.readTree(Base64Url.decode(parts[0]));
            JsonNode payload = JSON.readTree(Base64Url.decode(parts[1]));
            byte[] signature = Base64Url.decode(parts[2]);
            if (!TYPE.equals(text(header, "typ"))) {
                throw new IllegalArgumentException("not a licence token");
            }
            Claims claims = new Claims(required(payload, "lid"), required(payload, "iss"), required(payload, "ltp"),
                    payload.required("ver").asInt(), required(payload, "dig"), payload.required("sli").asLong(),
                    payload.required("iat").asLong(), payload.hasNonNull("exp") && payload.get("exp").isIntegralNumber()
                            ? payload.get("exp").asLong() : null);
            return new Parsed(required(header, "alg"), required(header, "kid"), claims,
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a licence token", e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
