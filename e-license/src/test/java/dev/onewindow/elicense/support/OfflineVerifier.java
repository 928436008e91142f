package dev.onewindow.elicense.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Base64;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a verifier without any access to e-license does with a licence QR token: it holds only the published key set
 * (the JSON of {@code GET /api/v1/licenses/keys}, fetched earlier) and checks the token's signature with plain JDK
 * cryptography (ES256) or Bouncy Castle (SM2), written from the documented format — deliberately sharing no code
 * with the service — and its expiry ({@code exp}, against the verifier's own clock). With the issuer's status lists
 * fetched earlier too ({@code GET /api/v1/licenses/status-lists/{iss}}) it reads the licence's bit {@code sli}.
 */
public final class OfflineVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private final JsonNode keySet;

    public OfflineVerifier(String publishedKeySetJson) {
        this.keySet = JSON.readTree(publishedKeySetJson);
    }

    /**
     * The verified payload of the token, or {@code null} if the signature does not verify with a published key or
     * the token has expired (now, by the verifier's clock).
     */
    public JsonNode verify(String token) {
        return verify(token, Instant.now());
    }

    /** As {@link #verify(String)} at {@code now}: {@code null} also when {@code exp} is missing or not after it. */
    public JsonNode verify(String token, Instant now) {
        JsonNode payload = verifySignature(token);
        if (payload == null || !payload.path("exp").isIntegralNumber()
                || now.getEpochSecond() >= payload.get("exp").asLong()) {
            return null;
        }
        return payload;
    }

    /**
     * Whether the licence a verified token names has its bit set in {@code list} (a status list of the token's
     * issuer, fetched earlier, whose signature verifies): the W3C Bitstring Status List reading of {@code sli} —
     * {@code encodedList} is {@code u} + base64url(GZIP(bits)), index 0 the most significant bit of the first byte.
     *
     * @throws IllegalArgumentException if the list is not the token issuer's, or its signature does not verify
     */
    public boolean statusBitSet(JsonNode payload, JsonNode list) {
        if (!list.get("issuer").asString().equals(payload.get("iss").asString()) || !verifyStatusList(list)) {
            throw new IllegalArgumentException("not a verified status list of " + payload.get("iss").asString());
        }
        long index = payload.get("sli").asLong();
        String encoded = list.get("encodedList").asString();
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(B64URL.decode(encoded.substring(1))))) {
            byte[] bits = in.readAllBytes();
            return (bits[(int) (index / 8)] & (0x80 >>> (index % 8))) != 0;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a status list", e);
        }
    }

    private JsonNode verifySignature(String token) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                return null;
            }
            JsonNode header = JSON.readTree(B64URL.decode(parts[0]));
            JsonNode payload = JSON.readTree(B64URL.decode(parts[1]));
            JsonNode jwk = null;
            for (JsonNode key : keySet.get("keys")) {
                if (key.get("kid").asString().equals(header.get("kid").asString())) {
                    jwk = key;
                }
            }
            if (jwk == null || !jwk.get("alg").asString().equals(header.get("alg").asString())
                    || !jwk.get("dept").asString().equals(payload.get("iss").asString())) {
                return null;
            }
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            byte[] rawSignature = B64URL.decode(parts[2]);
            boolean valid = switch (jwk.get("alg").asString()) {
                case "ES256" -> {
                    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                    signature.initVerify(es256Key(jwk));
                    signature.update(input);
                    yield signature.verify(rawSignature);
                }
                case "SM2" -> {
                    Signature signature = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
                    signature.initVerify(sm2Key(jwk));
                    signature.update(input);
                    yield signature.verify(der(rawSignature));
                }
                default -> false;
            };
            return valid ? payload : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Whether a published status list carries a valid signature of its issuer: the signature covers the list's
     * other members as compact JSON with sorted keys (they are all ASCII, so that is their canonical form).
     */
    public boolean verifyStatusList(JsonNode list) {
        try {
            java.util.TreeMap<String, JsonNode> members = new java.util.TreeMap<>();
            list.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
            byte[] signature = B64URL.decode(members.remove("signature").asString());
            byte[] signed = JSON.writeValueAsBytes(members);
            for (JsonNode key : keySet.get("keys")) {
                if (key.get("kid").asString().equals(list.get("kid").asString())
                        && key.get("dept").asString().equals(list.get("issuer").asString())) {
                    Signature verifier = "SM2".equals(key.get("alg").asString())
                            ? Signature.getInstance("SM3withSM2", new BouncyCastleProvider())
                            : Signature.getInstance("SHA256withECDSAinP1363Format");
                    verifier.initVerify("SM2".equals(key.get("alg").asString()) ? sm2Key(key) : es256Key(key));
                    verifier.update(signed);
                    return verifier.verify("SM2".equals(key.get("alg").asString()) ? der(signature) : signature);
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static PublicKey es256Key(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(coordinate(jwk, "x"), coordinate(jwk, "y"));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }

    private static PublicKey sm2Key(JsonNode jwk) throws Exception {
        ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec("sm2p256v1");
        var point = spec.getCurve().createPoint(coordinate(jwk, "x"), coordinate(jwk, "y"));
        return KeyFactory.getInstance("EC", new BouncyCastleProvider())
                .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(point, spec));
    }

    private static BigInteger coordinate(JsonNode jwk, String name) {
        return new BigInteger(1, B64URL.decode(jwk.get(name).asString()));
    }

    /** r || s → DER SEQUENCE { INTEGER r, INTEGER s } (what Bouncy Castle's SM2 verifier reads). */
    private static byte[] der(byte[] raw) {
        byte[] r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)).toByteArray();
        byte[] out = new byte[6 + r.length + s.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + r.length + s.length);
        out[2] = 0x02;
        out[3] = (byte) r.length;
        System.arraycopy(r, 0, out, 4, r.length);
        out[4 + r.length] = 0x02;
        out[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, out, 6 + r.length, s.length);
        return out;
    }
}
