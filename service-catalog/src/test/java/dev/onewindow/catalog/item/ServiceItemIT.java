package dev.onewindow.catalog.item;

import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.SCJGJ_ADMIN;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Basic catalog items: defined and changed by catalog admins, read by anyone, codes validated. */
@IntegrationTest
class ServiceItemIT {

    @LocalServerPort
    int port;

    @Test
    void catalogAdminsDefineItemsAnyoneReadsThem() {
        ApiClient api = ApiClient.localPort(port);
        String code = Fixtures.newBasicCode("JF");
        Map<String, Object> item = Map.of("basicCode", code, "name", "失业保险金申领", "legalBasis", "《失业保险条例》第十四条",
                "applicantTypes", List.of("NATURAL_PERSON"), "lifeEvents", List.of("失业", "社会保障"));

        assertProblem(api.post("/api/v1/catalog/service-items").json(item).send(), 401, "UNAUTHENTICATED");
        assertProblem(api.post("/api/v1/catalog/service-items").token(SCJGJ_ADMIN).json(item).send(), 403,
                "FORBIDDEN");
        Response created = api.post("/api/v1/catalog/service-items").token(CATALOG_ADMIN).json(item).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("itemType").asString()).isEqualTo("JF");
        assertThat(created.json().get("itemTypeName").asString()).isEqualTo("行政给付");
        assertProblem(api.post("/api/v1/catalog/service-items").token(CATALOG_ADMIN).json(item).send(), 409,
                "ITEM_EXISTS");

        JsonNode read = api.get("/api/v1/catalog/service-items/" + code).send().json();
        assertThat(read.get("name").asString()).isEqualTo("失业保险金申领");
        assertThat(read.get("lifeEvents").values()).extracting(JsonNode::asString).containsExactly("失业", "社会保障");
        assertThat(api.get("/api/v1/catalog/service-items?itemType=JF&size=100").send().json().get("content")
                .values()).anyMatch(i -> i.get("basicCode").asString().equals(code))
                .allMatch(i -> i.get("itemType").asString().equals("JF"));

        Response updated = api.put("/api/v1/catalog/service-items/" + code).token(CATALOG_ADMIN)
                .json(Map.of("name", "失业保险金申领（含代领）", "applicantTypes", List.of("NATURAL_PERSON"))).send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/catalog/service-items/" + code).send().json().get("name").asString())
                .isEqualTo("失业保险金申领（含代领）");
        assertProblem(api.put("/api/v1/catalog/service-items/" + code).token(SCJGJ_ADMIN)
                .json(Map.of("name", "x", "applicantTypes", List.of("NATURAL_PERSON"))).send(), 403, "FORBIDDEN");
        assertProblem(api.get("/api/v1/catalog/service-items/XK00000000").send(), 404, "NOT_FOUND");
    }

    @Test
    void invalidItemsAre400() {
        ApiClient api = ApiClient.localPort(port);
        for (String bad : List.of("XX00105000", "XK0010500", "xk00105000", "XK00105000X")) {
            Response r = api.post("/api/v1/catalog/service-items").token(CATALOG_ADMIN).json(Map.of("basicCode", bad,
                    "name", "n", "applicantTypes", List.of("NATURAL_PERSON"))).send();
            assertProblem(r, 400, "VALIDATION_FAILED");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("basicCode");
        }
        assertProblem(api.post("/api/v1/catalog/service-items").token(CATALOG_ADMIN)
                .json(Map.of("basicCode", Fixtures.newBasicCode("XK"), "name", "名".repeat(201),
                        "applicantTypes", List.of("NATURAL_PERSON"))).send(), 400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/v1/catalog/service-items").token(CATALOG_ADMIN)
                .json(Map.of("basicCode", Fixtures.newBasicCode("XK"), "name", "n",
                        "applicantTypes", List.of("ROBOT"))).send(), 400, "INVALID_VALUE");
        assertProblem(api.post("/api/v1/catalog/service-items").token(CATALOG_ADMIN)
                .json(Map.of("basicCode", Fixtures.newBasicCode("XK"), "name", "n", "applicantTypes",
                        List.of("NATURAL_PERSON"), "owner", "me")).send(), 400, "UNKNOWN_FIELD");
    }
}
