package dev.onewindow.e2e;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Open311 GeoReport v2 client against the city through the gateway, anonymous but for the demo partner's
 * {@code api_key} (the local stack's, printed by up.sh): it lists the services, reads a definition, files a request
 * and tracks it — in JSON and in XML, each field named and typed as in the specification's examples — and a request
 * without the key is refused in the specification's error shape.
 */
class Open311IT {

    static final String API_KEY = "onewindow-demo-open311-key";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");

    private final ApiClient gateway = ApiClient.at(LocalStack.GATEWAY);

    @BeforeAll
    static void stack() {
        LocalStack.ensureUp();
    }

    @Test
    void aGeoReportClientFilesAndTracksARequestInJson() {
        Response services = gateway.get("/open311/v2/services.json").send();
        assertThat(services.status()).as(services.toString()).isEqualTo(200);
        JsonNode road = services.json().values().stream()
                .filter(s -> s.get("service_code").asString().equals("CITY-ROAD")).findFirst().orElseThrow();
        assertThat(names(road)).containsExactly("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
        assertThat(road.get("metadata").isBoolean()).isTrue();
        JsonNode definition = gateway.get("/open311/v2/services/CITY-ROAD.json").send().json();
        assertThat(definition.get("attributes").values()).extracting(a -> a.get("code").asString())
                .containsExactly("region", "demand_type");

        Response filed = gateway.post("/open311/v2/requests.json").body(FORM, form("api_key", API_KEY,
                "jurisdiction_id", "suzhou.ah.cn", "service_code", "CITY-ROAD", "lat", "33.6389", "long", "116.9836",
                "address_string", "宿州市埇桥区淮海路与汴河路交口", "first_name", "小红", "last_name", "李",
                "phone", "13900139001", "description", "井盖缺失，夜间有人绊倒。")).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode created = filed.json().get(0);
        assertThat(names(created)).containsExactly("service_request_id", "service_notice", "account_id");
        String id = created.get("service_request_id").asString();
        assertThat(id).matches("12345\\d{14}");

        Response read = gateway.get("/open311/v2/requests/" + id + ".json").send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode request = read.json().get(0);
        assertThat(names(request)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("CITY-ROAD");
        assertThat(request.get("requested_datetime").asString()).matches(DATETIME);
        assertThat(request.get("lat").isNumber()).isTrue();
        assertThat(request.get("long").isNumber()).isTrue();
        assertThat(read.rawBody()).doesNotContain("小红", "13900139001", "139****9001");

        Response listed = gateway.get("/open311/v2/requests.json?service_request_id=" + id).send();
        assertThat(listed.json().values()).extracting(r -> r.get("service_request_id").asString())
                .containsExactly(id);

        Response refused = gateway.post("/open311/v2/requests.json").body(FORM, form("service_code", "CITY-ROAD",
                "address_string", "淮海路", "description", "井盖缺失")).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(refused.json().get(0).get("description").asString()).contains("api_key");
    }

    @Test
    void aGeoReportClientFilesAndTracksARequestInXml() {
        Response services = gateway.get("/open311/v2/services.xml").send();
        assertThat(services.status()).as(services.toString()).isEqualTo(200);
        assertThat(xml(services).getTagName()).isEqualTo("services");

        Response filed = gateway.post("/open311/v2/requests.xml").body(FORM, form("api_key", API_KEY,
                "service_code", "CITY-LIGHT", "address_string", "宿州市埇桥区银河一路", "description", "路灯不亮",
                "attribute[demand_type]", "HELP")).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Element created = children(xml(filed)).get(0);
        assertThat(created.getTagName()).isEqualTo("request");
        assertThat(children(created)).extracting(Element::getTagName)
                .containsExactly("service_request_id", "service_notice", "account_id");
        String id = text(created, "service_request_id");

        Response read = gateway.get("/open311/v2/requests/" + id + ".xml").send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("text/xml");
        Element requests = xml(read);
        assertThat(requests.getTagName()).isEqualTo("service_requests");
        Element request = children(requests).get(0);
        assertThat(children(request)).extracting(Element::getTagName).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "updated_datetime")).matches(DATETIME);

        Response unknown = gateway.get("/open311/v2/requests/123450000000000000000.xml").send();
        assertThat(unknown.status()).isEqualTo(404);
        Element errors = xml(unknown);
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(text(children(errors).get(0), "code")).isEqualTo("404");
    }

    private static List<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    static String form(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Element xml(Response answer) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    answer.rawBody().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + answer, e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static String text(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + ">")).getTextContent();
    }
}
