package dev.onewindow.hotline.open311;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.onewindow.hotline.orders.WorkOrderRepository;
import dev.onewindow.hotline.support.People;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.ApiDocsContract;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open311 GeoReport v2 facade as an Open311 client meets it, over HTTP with real tokens and the local profile's
 * demo api key: list services and read a definition, file a request (api_key, a partner's token) and track it, in
 * JSON and XML, each field name, element and JSON type as in the specification's examples
 * (https://wiki.open311.org/GeoReport_v2); its errors in the specification's shape and statuses, with nothing stored
 * on a refusal; and no caller data in any answer.
 */
@IntegrationTest
class Open311IT {

    /** The local profile's demo partner key (application-local.yml holds its SHA-256). */
    static final String API_KEY = "onewindow-demo-open311-key";
    static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";
    static final String ORDER_NO = "12345\\d{14}";

    /** The specification's fields, in its examples' order. */
    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata",
            "type", "keywords", "group");
    static final List<String> ATTRIBUTE_FIELDS = List.of("variable", "code", "datatype", "required",
            "datatype_description", "order", "description");
    static final List<String> CREATED_FIELDS = List.of("service_request_id", "service_notice", "account_id");
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");

    @LocalServerPort
    int port;

    @Autowired
    WorkOrderRepository orders;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.localPort(port);
    }

    // ------------------------------------------------------------------------------------------------ services

    @Test
    void listsTheLeafCategoriesAsServicesInJsonAndXml() {
        Response json = api.get("/open311/v2/services.json").send();
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(json.json().isArray()).isTrue();
        for (JsonNode service : json.json()) {
            assertThat(names(service)).as(service.toString()).containsExactlyElementsOf(SERVICE_FIELDS);
            assertThat(service.get("service_code").isString()).isTrue();
            assertThat(service.get("service_name").isString()).isTrue();
            assertThat(service.get("description").isString()).isTrue();
            assertThat(service.get("metadata").isBoolean()).isTrue();
            assertThat(service.get("metadata").asBoolean()).isTrue();
            assertThat(service.get("type").asString()).isEqualTo("realtime");
            assertThat(service.get("keywords").isString()).isTrue();
            assertThat(service.get("group").isString()).isTrue();
        }
        JsonNode construction = find(json.json(), "service_code", "ENV-NOISE-CONSTRUCTION");
        assertThat(construction.get("service_name").asString()).isEqualTo("夜间施工噪声");
        assertThat(construction.get("group").asString()).isEqualTo("环境保护");
        assertThat(construction.get("keywords").asString()).isEqualTo("施工,工地");
        assertThat(construction.get("description").asString()).isEqualTo("环境保护 › 噪声污染 › 夜间施工噪声");
        // a parent category is no service
        assertThat(codes(json.json())).doesNotContain("ENV", "ENV-NOISE", "CONSULT").contains("CONSULT-SOCIAL");

        Response xml = api.get("/open311/v2/services.xml?jurisdiction_id=suzhou.ah.cn").send();
        assertThat(xml.status()).as(xml.toString()).isEqualTo(200);
        assertThat(xml.contentType()).isEqualTo("text/xml;charset=UTF-8");
        assertThat(xml.rawBody()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element services = xml(xml).getDocumentElement();
        assertThat(services.getTagName()).isEqualTo("services");
        List<Element> children = children(services);
        assertThat(children).hasSize(json.json().size()).allSatisfy(service -> {
            assertThat(service.getTagName()).isEqualTo("service");
            assertThat(children(service)).extracting(Element::getTagName).containsExactlyElementsOf(SERVICE_FIELDS);
        });
        Element first = children.get(0);
        assertThat(text(first, "service_code")).isEqualTo(json.json().get(0).get("service_code").asString());
        assertThat(text(first, "metadata")).isEqualTo("true");
    }

    @Test
    void definesEachServicesAttributesInJsonAndXml() {
        Response json = api.get("/open311/v2/services/ENV-NOISE-CONSTRUCTION.json").send();
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        JsonNode definition = json.json();
        assertThat(definition.isObject()).isTrue();
        assertThat(names(definition)).containsExactly("service_code", "attributes");
        assertThat(definition.get("service_code").asString()).isEqualTo("ENV-NOISE-CONSTRUCTION");
        JsonNode attributes = definition.get("attributes");
        assertThat(attributes.isArray()).isTrue();
        for (JsonNode attribute : attributes) {
            assertThat(names(attribute).subList(0, ATTRIBUTE_FIELDS.size())).containsExactlyElementsOf(
                    ATTRIBUTE_FIELDS);
            assertThat(attribute.get("variable").isBoolean()).isTrue();
            assertThat(attribute.get("code").isString()).isTrue();
            assertThat(attribute.get("required").isBoolean()).isTrue();
            assertThat(attribute.get("order").isInt()).isTrue();
            assertThat(attribute.get("description").isString()).isTrue();
        }
        JsonNode region = find(attributes, "code", "region");
        assertThat(region.get("datatype").asString()).isEqualTo("string");
        assertThat(region.get("required").asBoolean()).isFalse();
        assertThat(region.get("datatype_description").isString()).isTrue();
        assertThat(region.has("values")).isFalse();
        JsonNode demand = find(attributes, "code", "demand_type");
        assertThat(demand.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(demand.get("datatype_description").isNull()).isTrue();
        assertThat(demand.get("description").asString()).contains("投诉");
        assertThat(names(demand)).last().isEqualTo("values");
        assertThat(demand.get("values").values()).allSatisfy(value -> {
            assertThat(names(value)).containsExactly("key", "name");
            assertThat(value.get("key").isString()).isTrue();
            assertThat(value.get("name").isString()).isTrue();
        }).extracting(v -> v.get("key").asString())
                .containsExactly("COMPLAINT", "REPORT", "HELP", "CONSULTATION", "SUGGESTION", "PRAISE");
        // the default demand type follows the service
        assertThat(find(api.get("/open311/v2/services/CONSULT-SOCIAL.json").send().json().get("attributes"), "code",
                "demand_type").get("description").asString()).contains("咨询");

        Response xml = api.get("/open311/v2/services/ENV-NOISE-CONSTRUCTION.xml").send();
        assertThat(xml.status()).as(xml.toString()).isEqualTo(200);
        Element root = xml(xml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(children(root)).extracting(Element::getTagName).containsExactly("service_code", "attributes");
        List<Element> xmlAttributes = children(child(root, "attributes"));
        assertThat(xmlAttributes).hasSize(2).allSatisfy(a -> assertThat(a.getTagName()).isEqualTo("attribute"));
        assertThat(children(xmlAttributes.get(0))).extracting(Element::getTagName)
                .containsExactlyElementsOf(ATTRIBUTE_FIELDS);
        List<String> withValues = new ArrayList<>(ATTRIBUTE_FIELDS);
        withValues.add("values");
        assertThat(children(xmlAttributes.get(1))).extracting(Element::getTagName).containsExactlyElementsOf(
                withValues);
        assertThat(text(xmlAttributes.get(1), "datatype_description")).isEmpty();
        List<Element> values = children(child(xmlAttributes.get(1), "values"));
        assertThat(values).hasSize(6).allSatisfy(v -> {
            assertThat(v.getTagName()).isEqualTo("value");
            assertThat(children(v)).extracting(Element::getTagName).containsExactly("key", "name");
        });
    }

    // ------------------------------------------------------------------------------------------------ requests

    @Test
    void filesWithTheApiKeyAndTracksTheRequestInJson() {
        long before = orders.count();
        Response filed = api.post("/open311/v2/requests.json").body(FORM, form(
                "api_key", API_KEY, "jurisdiction_id", "suzhou.ah.cn", "service_code", "ENV-NOISE-CONSTRUCTION",
                "lat", "33.6461", "long", "116.9641", "address_string", "宿州市埇桥区汴河路 8 号工地",
                "first_name", "小明", "last_name", "王", "phone", "+86 138-0013-8000", "email", "wang@example.cn",
                "device_id", "device-7781", "account_id", "acct-7781", "media_url", "https://example.cn/p.jpg",
                "description", "工地夜间施工，噪声很大。\n已持续一周。", "attribute[region]", "341302")).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(orders.count()).isEqualTo(before + 1);
        JsonNode created = single(filed.json());
        assertThat(names(created)).containsExactlyElementsOf(CREATED_FIELDS);
        assertThat(created.get("service_request_id").isString()).isTrue();
        String id = created.get("service_request_id").asString();
        assertThat(id).matches(ORDER_NO);
        assertThat(created.get("service_notice").asString()).contains("5 个工作日");
        assertThat(created.get("account_id").isNull()).isTrue();

        // filed as the demo partner, the caller kept masked and encrypted as from any channel
        var order = orders.findByOrderNo(id).orElseThrow();
        assertThat(order.channel().name()).isEqualTo("PARTNER_API");
        assertThat(order.caller().clientId()).isEqualTo("partner-demo");
        assertThat(order.caller().name()).isEqualTo("王**");
        assertThat(order.caller().mobileMasked()).isEqualTo("138****8000");
        assertThat(order.demandType().name()).isEqualTo("COMPLAINT");
        assertThat(order.regionCode()).isEqualTo("341302");

        JsonNode request = single(api.get("/open311/v2/requests/" + id + ".json").send().json());
        assertRequestTypes(request);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("status_notes").asString()).isEqualTo("已受理，待派单");
        assertThat(request.get("service_name").asString()).isEqualTo("夜间施工噪声");
        assertThat(request.get("service_code").asString()).isEqualTo("ENV-NOISE-CONSTRUCTION");
        assertThat(request.get("description").asString()).isEqualTo("工地夜间施工，噪声很大。\n已持续一周。");
        assertThat(request.get("agency_responsible").isNull()).isTrue();
        assertThat(request.get("expected_datetime").isNull()).isTrue();
        assertThat(request.get("address").asString()).isEqualTo("宿州市埇桥区汴河路 8 号工地");
        assertThat(request.get("lat").isNumber()).isTrue();
        assertThat(request.get("lat").asDouble()).isEqualTo(33.6461);
        assertThat(request.get("long").asDouble()).isEqualTo(116.9641);
        for (String none : List.of("address_id", "zipcode", "media_url")) {
            assertThat(request.get(none).isNull()).as(none).isTrue();
        }

        // dispatched by the rules: the department is responsible and its reply is due
        String orderId = order.id();
        Response dispatched = api.post("/api/v1/hotline/orders/" + orderId + "/dispatch").token(People.dispatcher())
                .json("{}").send();
        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);
        JsonNode tracked = single(api.get("/open311/v2/requests/" + id + ".json").send().json());
        assertRequestTypes(tracked);
        assertThat(tracked.get("agency_responsible").asString()).isEqualTo("ZRZYJ");
        assertThat(tracked.get("expected_datetime").asString()).matches(DATETIME);
        assertThat(tracked.get("status_notes").asString()).isEqualTo("已派单，待承办部门签收");
        assertThat(tracked.get("updated_datetime").asString()).matches(DATETIME);

        // tracked by the list's filters
        assertThat(ids(api.get("/open311/v2/requests.json?service_request_id=" + id + ",123450000000000000000")
                .send())).containsExactly(id);
        assertThat(ids(api.get("/open311/v2/requests.json?service_code=ENV-NOISE-CONSTRUCTION,CITY-ROAD&status=open")
                .send())).contains(id);
        assertThat(ids(api.get("/open311/v2/requests.json?status=closed").send())).doesNotContain(id);
        assertThat(ids(api.get("/open311/v2/requests.json?service_code=CITY-ROAD").send())).doesNotContain(id);
        assertThat(ids(api.get("/open311/v2/requests.json").send())).contains(id);
        assertThat(ids(api.get("/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-03-01"
                + "T00:00:00%2B08:00").send())).doesNotContain(id);
        // the id overrides every other filter
        assertThat(ids(api.get("/open311/v2/requests.json?service_request_id=" + id + "&status=closed").send()))
                .containsExactly(id);

        for (Response answer : List.of(filed, api.get("/open311/v2/requests/" + id + ".json").send(),
                api.get("/open311/v2/requests.json").send(), api.get("/open311/v2/requests/" + id + ".xml").send())) {
            assertNoCallerData(answer);
        }
    }

    @Test
    void filesWithAPartnersTokenAndTracksTheRequestInXml() {
        String partner = People.partner("partner-city-app");
        Response filed = api.post("/open311/v2/requests.xml").token(partner).body(FORM, form(
                "service_code", "CONSULT-SOCIAL", "address_string", "宿州市埇桥区",
                "description", "退休后医保如何缴费？")).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.contentType()).isEqualTo("text/xml;charset=UTF-8");
        Element root = xml(filed).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element created = children(root).get(0);
        assertThat(children(root)).hasSize(1);
        assertThat(created.getTagName()).isEqualTo("request");
        assertThat(children(created)).extracting(Element::getTagName).containsExactlyElementsOf(CREATED_FIELDS);
        String id = text(created, "service_request_id");
        assertThat(id).matches(ORDER_NO);
        assertThat(text(created, "service_notice")).contains("3 个工作日");
        assertThat(text(created, "account_id")).isEmpty();
        var order = orders.findByOrderNo(id).orElseThrow();
        assertThat(order.caller().anonymous()).isTrue();
        assertThat(order.caller().clientId()).isEqualTo("partner-city-app");
        assertThat(order.demandType().name()).isEqualTo("CONSULTATION");

        Response read = api.get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=suzhou.ah.cn").send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        Element requests = xml(read).getDocumentElement();
        assertThat(requests.getTagName()).isEqualTo("service_requests");
        Element request = children(requests).get(0);
        assertThat(request.getTagName()).isEqualTo("request");
        assertThat(children(request)).extracting(Element::getTagName).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "service_code")).isEqualTo("CONSULT-SOCIAL");
        assertThat(text(request, "requested_datetime")).matches(DATETIME);
        assertThat(text(request, "lat")).isEmpty();
        assertThat(text(request, "long")).isEmpty();
        assertThat(text(request, "expected_datetime")).isEmpty();

        // answered directly from the knowledge base: the request is closed
        Response entry = api.post("/api/v1/hotline/knowledge").token(People.handler("RSJ")).json(Map.of(
                "question", "退休后医保如何缴费", "answer", "退休后按规定享受职工医保待遇，无需缴费。",
                "categoryCode", "CONSULT-SOCIAL")).send();
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        Response answered = api.post("/api/v1/hotline/orders/" + order.id() + "/answer").token(People.agent())
                .json(Map.of("knowledgeEntryId", entry.json().get("id").asString())).send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        Element closed = children(xml(api.get("/open311/v2/requests/" + id + ".xml").send()).getDocumentElement())
                .get(0);
        assertThat(text(closed, "status")).isEqualTo("closed");
        assertThat(text(closed, "status_notes")).isEqualTo("已直接答复，办结");

        Response listed = api.get("/open311/v2/requests.xml?service_code=CONSULT-SOCIAL&status=closed").send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<Element> all = children(xml(listed).getDocumentElement());
        assertThat(all).allSatisfy(r -> assertThat(text(r, "status")).isEqualTo("closed"))
                .extracting(r -> text(r, "service_request_id")).contains(id);
        assertThat(children(xml(api.get("/open311/v2/requests.xml?service_code=CONSULT-SOCIAL&status=open").send())
                .getDocumentElement())).extracting(r -> text(r, "service_request_id")).doesNotContain(id);
    }

    /** Orders taken by phone, or filed confidentially, are nobody's public Open311 requests. */
    @Test
    void listsOnlyRequestsFiledOpenlyThroughThePartnerChannel() {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("channel", "PHONE");
        call.put("caller", Map.of("name", "李四", "mobile", "13900139000", "anonymous", false, "confidential", false));
        call.put("demandType", "COMPLAINT");
        call.put("categoryCode", "CITY-ROAD");
        call.put("address", "宿州市埇桥区淮海路");
        call.put("region", "341302");
        call.put("urgency", "NORMAL");
        call.put("text", "井盖缺失");
        Response phoned = api.post("/api/v1/hotline/orders").token(People.agent()).json(call).send();
        assertThat(phoned.status()).as(phoned.toString()).isEqualTo(201);
        call.put("channel", "PARTNER_API");
        call.put("caller", Map.of("anonymous", true, "confidential", true));
        Response confidential = api.post("/api/v1/hotline/orders").token(People.partner("partner-city-app"))
                .json(call).send();
        assertThat(confidential.status()).as(confidential.toString()).isEqualTo(201);

        for (Response order : List.of(phoned, confidential)) {
            String orderNo = order.json().get("orderNo").asString();
            Response read = api.get("/open311/v2/requests/" + orderNo + ".json").send();
            assertThat(read.status()).as(read.toString()).isEqualTo(404);
            assertThat(ids(api.get("/open311/v2/requests.json?service_request_id=" + orderNo).send())).isEmpty();
            assertThat(ids(api.get("/open311/v2/requests.json?service_code=CITY-ROAD").send()))
                    .doesNotContain(orderNo);
        }
    }

    // ------------------------------------------------------------------------------------------------ errors

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "xml"})
    void refusesInTheSpecificationsErrorShapeAndStoresNothing(String format) {
        long before = orders.count();
        String post = "/open311/v2/requests." + format;
        Map<String, String> good = Map.of("service_code", "CITY-ROAD", "address_string", "宿州市埇桥区淮海路",
                "description", "路面塌陷");

        assertError(api.post(post).body(FORM, form(good)).send(), format, 403, "api_key");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", "not-the-key"))).send(), format, 403,
                "api_key");
        assertError(api.post(post).token(People.citizen("c-1")).body(FORM, form(with(good, "api_key", API_KEY)))
                .send(), format, 403, "partner");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "service_code", "NO-SUCH")))
                .send(), format, 404, "service_code");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "service_code", "CITY")))
                .send(), format, 404, "service_code");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "jurisdiction_id", "sfgov.org")))
                .send(), format, 404, "jurisdiction_id");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "phone", "12345"))).send(),
                format, 400, "mobile");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "attribute[region]", "110101")))
                .send(), format, 400, "region");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "attribute[demand_type]",
                "RANT"))).send(), format, 400, "demand_type");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "attribute[colour]", "red")))
                .send(), format, 400, "attribute[colour]");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "lat", "91", "long", "116")))
                .send(), format, 400, "lat");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "lat", "abc", "long", "116")))
                .send(), format, 400, "lat");
        assertError(api.post(post).body(FORM, form("api_key", API_KEY, "service_code", "CITY-ROAD",
                "description", "路面塌陷")).send(), format, 400, "location");
        assertError(api.post(post).body(FORM, form("api_key", API_KEY, "service_code", "CITY-ROAD",
                "address_string", "淮海路")).send(), format, 400, "description");
        assertError(api.post(post).body(FORM, form("api_key", API_KEY, "address_string", "淮海路",
                "description", "路面塌陷")).send(), format, 400, "service_code");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY, "first_name", "小\u0007明")))
                .send(), format, 400, "first_name");
        assertError(api.post(post).body(FORM, form(with(good, "api_key", API_KEY)) + "&description=%ZZ").send(),
                format, 400, "parameters");
        assertThat(orders.count()).as("orders stored by refused requests").isEqualTo(before);

        assertError(api.get("/open311/v2/services/NO-SUCH." + format).send(), format, 404, "service_code");
        assertError(api.get("/open311/v2/services." + format + "?jurisdiction_id=sfgov.org").send(), format, 404,
                "jurisdiction_id");
        assertError(api.get("/open311/v2/requests/123450000000000000000." + format).send(), format, 404,
                "service request");
        assertError(api.get("/open311/v2/requests." + format + "?start_date=yesterday").send(), format, 400,
                "start_date");
        assertError(api.get("/open311/v2/requests." + format + "?start_date=2026-01-01T00:00:00Z"
                + "&end_date=2026-06-01T00:00:00Z").send(), format, 400, "90 days");
        assertError(api.get("/open311/v2/requests." + format + "?status=pending").send(), format, 400, "status");
        assertError(api.get("/open311/v2/requests." + format + "?jurisdiction_id=" + "a".repeat(101)).send(), format,
                400, "jurisdiction_id");
    }

    @Test
    void anUnknownFormatIsRefusedInXmlTheFormatEveryClientReads() {
        Response answer = api.get("/open311/v2/services.csv").send();
        assertError(answer, "xml", 400, "format");
    }

    @Test
    void anInvalidTokenIsRefusedBeforeTheFacadeAsEverywhere() {
        String forged = TokenMinter.shared().client("partner-city-app", "partner").forged().mint();
        Response answer = api.post("/open311/v2/requests.json").token(forged).body(FORM, form("service_code",
                "CITY-ROAD", "address_string", "淮海路", "description", "路面塌陷")).send();
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    // ------------------------------------------------------------------------------------------------ document

    /**
     * Every operation of the facade is documented as the platform asks of every operation (summary, security,
     * bounded input), public, under its tag, with its answers and its GeoReport errors in both formats.
     */
    @Test
    void everyOperationIsDocumentedWithItsGeoReportAnswers() {
        JsonNode doc = api.get("/v3/api-docs").send().json();
        assertThat(ApiDocsContract.problems(doc).stream().filter(p -> p.contains("/open311/")).toList()).isEmpty();
        for (String entry : List.of("get /open311/v2/services.{format}",
                "get /open311/v2/services/{service_code}.{format}", "get /open311/v2/requests.{format}",
                "get /open311/v2/requests/{service_request_id}.{format}", "post /open311/v2/requests.{format}")) {
            String method = entry.substring(0, entry.indexOf(' '));
            String path = entry.substring(entry.indexOf(' ') + 1);
            JsonNode operation = doc.path("paths").path(path).path(method);
            assertThat(operation.isObject()).as(entry).isTrue();
            assertThat(operation.path("tags").get(0).asString()).isEqualTo("Open311 GeoReport v2");
            assertThat(operation.path("x-public").asBoolean()).as(entry + " public").isTrue();
            JsonNode ok = operation.path("responses").path(method.equals("post") ? "201" : "200").path("content");
            assertThat(names(ok)).containsExactlyInAnyOrder("application/json", "text/xml");
            for (String status : List.of("400", "404", "500")) {
                assertThat(names(operation.path("responses").path(status).path("content"))).as(status)
                        .containsExactlyInAnyOrder("application/json", "text/xml");
            }
        }
        JsonNode post = doc.path("paths").path("/open311/v2/requests.{format}").path("post");
        assertThat(names(post.path("requestBody").path("content"))).containsExactly(
                "application/x-www-form-urlencoded");
        assertThat(names(post.path("responses").path("403").path("content")))
                .containsExactlyInAnyOrder("application/json", "text/xml");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    static void assertRequestTypes(JsonNode request) {
        assertThat(names(request)).containsExactlyElementsOf(REQUEST_FIELDS);
        for (String text : List.of("service_request_id", "status", "status_notes", "service_name", "service_code",
                "description", "service_notice", "requested_datetime", "updated_datetime", "address")) {
            assertThat(request.get(text).isString()).as(text + " in " + request).isTrue();
        }
        for (String optional : List.of("agency_responsible", "expected_datetime", "address_id", "zipcode",
                "media_url")) {
            assertThat(request.get(optional).isString() || request.get(optional).isNull()).as(optional).isTrue();
        }
        for (String number : List.of("lat", "long")) {
            assertThat(request.get(number).isNumber() || request.get(number).isNull()).as(number).isTrue();
        }
        assertThat(request.get("status").asString()).isIn("open", "closed");
        assertThat(request.get("requested_datetime").asString()).matches(DATETIME);
        assertThat(request.get("updated_datetime").asString()).matches(DATETIME);
    }

    /** A GeoReport error: the status, and {@code [{code, description}]} or {@code <errors><error>}. */
    static void assertError(Response answer, String format, int status, String mentioned) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        if (format.equals("json")) {
            assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
            JsonNode errors = answer.json();
            assertThat(errors.isArray()).as(answer.toString()).isTrue();
            assertThat(errors.values()).isNotEmpty().allSatisfy(error -> {
                assertThat(names(error)).containsExactly("code", "description");
                assertThat(error.get("code").isInt()).isTrue();
                assertThat(error.get("code").asInt()).isEqualTo(status);
                assertThat(error.get("description").isString()).isTrue();
            });
            assertThat(errors.get(0).get("description").asString()).containsIgnoringCase(mentioned);
        } else {
            assertThat(answer.contentType()).isEqualTo("text/xml;charset=UTF-8");
            Element root = xml(answer).getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("errors");
            assertThat(children(root)).isNotEmpty().allSatisfy(error -> {
                assertThat(error.getTagName()).isEqualTo("error");
                assertThat(children(error)).extracting(Element::getTagName).containsExactly("code", "description");
                assertThat(text(error, "code")).isEqualTo(String.valueOf(status));
            });
            assertThat(text(children(root).get(0), "description")).containsIgnoringCase(mentioned);
        }
    }

    static void assertNoCallerData(Response answer) {
        assertThat(answer.rawBody()).doesNotContain("小明", "王**", "13800138000", "138****8000", "wang@example.cn",
                "acct-7781", "device-7781", "partner-demo", "example.cn/p.jpg");
    }

    static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().values().stream().map(r -> r.get("service_request_id").asString()).toList();
    }

    static JsonNode single(JsonNode array) {
        assertThat(array.isArray()).as(array.toString()).isTrue();
        assertThat(array.size()).as(array.toString()).isEqualTo(1);
        return array.get(0);
    }

    static List<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        return array.values().stream().filter(n -> n.get(field).asString().equals(value)).findFirst().orElseThrow();
    }

    static List<String> codes(JsonNode services) {
        return services.values().stream().map(s -> s.get("service_code").asString()).toList();
    }

    static String form(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return form(values);
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> values = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    static Document xml(Response answer) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    answer.rawBody().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + answer, e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
