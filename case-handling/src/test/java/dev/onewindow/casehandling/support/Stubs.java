package dev.onewindow.casehandling.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Stubs of the peers' endpoints in exactly the shapes of docs/service-contracts.md. Each test uses its own
 * implementation codes, so stubs of different tests never collide in the shared stub servers.
 */
public final class Stubs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Stubs() {
    }

    /** A unique implementation code of the contract's shape (basic code + region + department). */
    public static String implementationCode(String department) {
        return "XK" + String.format("%08d", (long) (Math.random() * 1e8)) + "341300" + department
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    /** An {@code EntryResponse}; start from {@link #entry} and change what a test needs. */
    public static Map<String, Object> entry(String implementationCode, int version, String department) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("implementationCode", implementationCode);
        entry.put("version", version);
        entry.put("status", "PUBLISHED");
        entry.put("basicCode", implementationCode.substring(0, 10));
        entry.put("itemType", "XK");
        entry.put("name", "食品经营许可");
        entry.put("departmentCode", department);
        entry.put("region", "341300");
        entry.put("applicantTypes", List.of("NATURAL_PERSON", "LEGAL_PERSON"));
        entry.put("materials", new ArrayList<>(List.of(
                material("M01", "营业执照", true, List.of("YYZZ")),
                material("M02", "经营场所证明", false, List.of()))));
        entry.put("statutoryLimitDays", 20);
        entry.put("promisedLimitDays", 10);
        entry.put("onlineDepth", 4);
        entry.put("visits", 0);
        entry.put("crossProvince", false);
        entry.put("proactive", false);
        entry.put("autoApproval", Map.of("enabled", false, "ruleSetVersion", "", "rules", List.of()));
        entry.put("result", result("LICENSE", "SPJYXKZ"));
        entry.put("steps", List.of(Map.of("name", "受理", "limitDays", 1), Map.of("name", "审查", "limitDays", 5),
                Map.of("name", "决定", "limitDays", 4)));
        entry.put("fee", fee());
        return entry;
    }

    public static Map<String, Object> material(String code, String name, boolean required,
            List<String> acceptedLicenseTypes) {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("code", code);
        material.put("name", name);
        material.put("required", required);
        material.put("originals", 0);
        material.put("copies", 1);
        material.put("acceptedLicenseTypes", acceptedLicenseTypes);
        return material;
    }

    public static Map<String, Object> result(String kind, String licenseType) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind);
        result.put("licenseType", licenseType);
        return result;
    }

    private static Map<String, Object> fee() {
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("free", true);
        fee.put("amount", 0);
        fee.put("basis", null);
        return fee;
    }

    /**
     * A published version 1 of a new entry of {@code department} whose result is a document (no licence to issue)
     * and whose promised limit is {@code limitDays} working days, already registered: what the clock tests start from.
     */
    public static Map<String, Object> publishedDocumentEntry(String department, int limitDays) {
        Map<String, Object> entry = entry(implementationCode(department), 1, department);
        entry.put("result", result("DOCUMENT", null));
        entry.put("promisedLimitDays", limitDays);
        publish(entry);
        return entry;
    }

    /**
     * Registers the entry as the catalog would serve it: under its version always, and as the current published
     * version when its status is PUBLISHED.
     */
    public static void publish(Map<String, Object> entry) {
        String code = (String) entry.get("implementationCode");
        String body = JSON.writeValueAsString(entry);
        Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/entries/" + code + "/versions/" + entry.get("version")))
                .willReturn(okJson(body)));
        if ("PUBLISHED".equals(entry.get("status"))) {
            Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/entries/" + code)).willReturn(okJson(body)));
        }
    }

    /**
     * A bundle as service-catalog publishes it: members pinned to their versions and the merged material list — each
     * merged material {@code B0n} asked once and mapped ({@code requiredBy}) to the members' own material codes.
     * Materials of the same name are merged, as the catalog does.
     */
    @SuppressWarnings("unchecked")
    public static void bundle(String bundleCode, String leadDepartment, List<Map<String, Object>> members) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (Map<String, Object> member : members) {
            for (Object m : (List<?>) member.get("materials")) {
                Map<?, ?> material = (Map<?, ?>) m;
                Map<String, Object> entry = merged.computeIfAbsent((String) material.get("name"), name -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    created.put("code", String.format("B%02d", merged.size() + 1));
                    created.put("name", name);
                    created.put("required", false);
                    created.put("acceptedLicenseTypes", material.get("acceptedLicenseTypes"));
                    created.put("requiredBy", new ArrayList<>());
                    return created;
                });
                entry.put("required", (Boolean) entry.get("required") || (Boolean) material.get("required"));
                ((List<Object>) entry.get("requiredBy")).add(Map.of("implementationCode",
                        member.get("implementationCode"), "materialCode", material.get("code")));
            }
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("code", bundleCode);
        bundle.put("name", "出生一件事");
        bundle.put("leadDepartment", leadDepartment);
        bundle.put("status", "PUBLISHED");
        bundle.put("members", members.stream().map(m -> Map.of("implementationCode", m.get("implementationCode"),
                "version", m.get("version"))).toList());
        bundle.put("materials", List.copyOf(merged.values()));
        Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/bundles/" + bundleCode))
                .willReturn(okJson(JSON.writeValueAsString(bundle))));
    }

    /** e-license redeems {@code code} and returns one license of the contract's shape. */
    public static void redeemable(String code, String typeCode, String status, String holderRef) {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("licenseId", typeCode + "341300" + UUID.randomUUID().toString().substring(0, 8));
        license.put("typeCode", typeCode);
        license.put("status", status);
        license.put("signatureValid", true);
        license.put("holderRef", holderRef);
        license.put("validUntil", "2030-12-31");
        license.put("fields", Map.of("name", "张三"));
        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/authorizations/" + code + "/redeem"))
                .willReturn(okJson(JSON.writeValueAsString(Map.of("licenses", List.of(license))))));
    }

    public static void redeemAnswers(String code, int status, String problemCode) {
        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/authorizations/" + code + "/redeem"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":" + status + ",\"code\":\"" + problemCode + "\"}")));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + "}");
    }
}
