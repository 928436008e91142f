package dev.onewindow.elicense.license;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.onewindow.elicense.seal.CanonicalJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a seal covers — the licence's canonical form: id, type, holder reference, face fields, issuer, validity,
 * version (and predecessor), issue time, the sealing key, and a random salt (so that the digest in a QR token cannot
 * be used to guess personal fields by trying values). Serialised with {@link CanonicalJson}, so the same content is
 * always the same bytes.
 */
public record LicenseContent(String licenseId, String typeCode, String holderRef, Map<String, Object> fields,
        String issuerDepartment, String region, LocalDate validFrom, LocalDate validUntil, int version,
        String previousLicenseId, Instant issuedAt, String algorithm, String kid, String salt) {

    static final String FORMAT = "onewindow-license/1";
    // decimals exactly as written, not via double
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    public LicenseContent {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public byte[] canonicalBytes() {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("department", issuerDepartment);
        issuer.put("region", region);
        Map<String, Object> validity = new LinkedHashMap<>();
        validity.put("from", validFrom.toString());
        validity.put("until", validUntil == null ? null : validUntil.toString());
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("alg", algorithm);
        seal.put("kid", kid);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("format", FORMAT);
        form.put("licenseId", licenseId);
        form.put("typeCode", typeCode);
        form.put("holderRef", holderRef);
        form.put("fields", fields);
        form.put("issuer", issuer);
        form.put("validity", validity);
        form.put("version", version);
        form.put("previousLicenseId", previousLicenseId);
        form.put("issuedAt", issuedAt.toString());
        form.put("seal", seal);
        form.put("salt", salt);
        return CanonicalJson.bytes(form);
    }

    /**
     * Reads a stored canonical form back.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static LicenseContent parse(byte[] canonical) {
        try {
            JsonNode node = JSON.readTree(new String(canonical, StandardCharsets.UTF_8));
            if (!FORMAT.equals(node.path("format").asString())) {
                throw new IllegalArgumentException("not a licence canonical form");
            }
            Map<String, Object> fields = new TreeMap<>();
            node.required("fields").properties().forEach(e -> fields.put(e.getKey(), value(e.getValue())));
            JsonNode until = node.required("validity").get("until");
            JsonNode previous = node.get("previousLicenseId");
            return new LicenseContent(node.required("licenseId").asString(), node.required("typeCode").asString(),
                    node.required("holderRef").asString(), fields,
                    node.required("issuer").required("department").asString(),
                    node.required("issuer").required("region").asString(),
                    LocalDate.parse(node.required("validity").required("from").asString()),
                    until == null || until.isNull() ? null : LocalDate.parse(until.asString()),
                    node.required("version").asInt(), previous == null || previous.isNull() ? null
                            : previous.asString(), Instant.parse(node.required("issuedAt").asString()),
                    node.required("seal").required("alg").asString(), node.required("seal").required("kid").asString(),
                    node.required("salt").asString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a licence canonical form", e);
        }
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue();
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        return node.asString();
    }
}
