package dev.onewindow.dataexchange.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP calls the integration tests make, with real tokens: resources, requests, grants, queries. */
public final class Exchange {

    private final ApiClient api;

    public Exchange(ApiClient api) {
        this.api = api;
    }

    public ApiClient api() {
        return api;
    }

    /** A fresh resource code of a department, so tests sharing one database never meet. */
    public static String code(String dept) {
        return dept + "-T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static Map<String, Object> field(String name, String type, int level, boolean personal) {
        return Map.of("name", name, "label", name, "type", type, "level", level, "personal", personal);
    }

    /** 市场监管's enterprise register, answered by the demo provider's system (adapter scjgj, or another). */
    public static Map<String, Object> enterprises(String shareType, String adapter) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "企业登记信息");
        d.put("fields", List.of(field("uscc", "USCC", 1, false), field("entityName", "STRING", 1, false),
                field("legalRepresentative", "NAME", 2, true), field("address", "ADDRESS", 1, false),
                field("status", "STRING", 1, false), field("registeredCapital", "NUMBER", 1, false)));
        d.put("keyField", "uscc");
        d.put("shareType", shareType);
        if (!shareType.equals("UNCONDITIONAL")) {
            d.put("legalBasis", "国发〔2016〕51号");
        }
        d.put("updateFrequency", "REAL_TIME");
        d.put("accessMode", "API");
        d.put("adapter", adapter);
        return d;
    }

    /** 人社's social-insurance records, pushed as a dataset. */
    public static Map<String, Object> socialInsurance(String shareType) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "社会保险参保信息");
        d.put("fields", List.of(field("idNumber", "ID_NUMBER", 3, true), field("name", "NAME", 3, true),
                field("insuranceType", "STRING", 2, false), field("insuredStatus", "STRING", 2, false),
                field("employer", "STRING", 2, false), field("monthlyBase", "NUMBER", 3, true)));
        d.put("keyField", "idNumber");
        d.put("shareType", shareType);
        if (!shareType.equals("UNCONDITIONAL")) {
            d.put("legalBasis", "国发〔2016〕51号；个人信息保护法第三十四条");
        }
        d.put("updateFrequency", "DAILY");
        d.put("accessMode", "DATASET");
        return d;
    }

    public Response register(String dept, String code, Map<String, Object> definition) {
        return api.post("/api/v1/exchange/resources").token(People.steward(dept))
                .json(Map.of("code", code, "definition", definition)).send();
    }

    public JsonNode registered(String dept, String code, Map<String, Object> definition) {
        Response r = register(dept, code, definition);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    public Response request(String consumerDept, String resourceCode, List<String> fields, List<String> unmasked,
            Instant validUntil, Integer quota) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resourceCode", resourceCode);
        body.put("fields", fields);
        body.put("unmaskedFields", unmasked);
        body.put("purpose", "医疗救助对象核验");
        body.put("legalBasis", "《社会救助暂行办法》第二十八条");
        body.put("validUntil", validUntil.toString());
        if (quota != null) {
            body.put("quota", quota);
        }
        return api.post("/api/v1/exchange/share-requests").token(People.steward(consumerDept)).json(body).send();
    }

    public JsonNode requested(String consumerDept, String resourceCode, List<String> fields, List<String> unmasked,
            Instant validUntil, Integer quota) {
        Response r = request(consumerDept, resourceCode, fields, unmasked, validUntil, quota);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    public Response decide(String providerDept, String requestId, Map<String, Object> decision) {
        return api.post("/api/v1/exchange/share-requests/" + requestId + "/decision")
                .token(People.steward(providerDept)).json(decision).send();
    }

    public Response query(String consumerDept, String grantId, Object key) {
        return api.post("/api/v1/exchange/queries").token(People.consumer(consumerDept))
                .json(Map.of("grantId", grantId, "key", key)).send();
    }

    public Response push(String providerDept, String code, List<Map<String, Object>> records) {
        return api.post("/api/v1/exchange/resources/" + code + "/records").token(People.steward(providerDept))
                .json(Map.of("records", records)).send();
    }

    /** A resource of {@code definition} registered and granted to {@code consumer} at once (unconditional). */
    public String grantedAtOnce(String provider, String consumer, Map<String, Object> definition,
            List<String> fields, List<String> unmasked, Instant validUntil, Integer quota) {
        String code = code(provider);
        registered(provider, code, definition);
        JsonNode request = requested(consumer, code, fields, unmasked, validUntil, quota);
        assertThat(request.path("status").asString()).isEqualTo("GRANTED");
        return request.path("grantId").asString();
    }
}
