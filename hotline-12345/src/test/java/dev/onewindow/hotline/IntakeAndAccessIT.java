package dev.onewindow.hotline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.hotline.support.Orders;
import dev.onewindow.hotline.support.People;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may register through which channel, what each role sees of an order and of its caller, and that every bad
 * input is a 4xx problem with nothing stored.
 */
@IntegrationTest
class IntakeAndAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void aCitizenFilesFromTheAppAndSeesOnlyHerOwnOrders() {
        Orders orders = new Orders(api());
        String mine = People.citizen("c-own-1");
        Map<String, Object> body = Orders.phoneCall("CITY-LIGHT", "341302", "NORMAL", "埇桥区人民路路灯");
        body.put("channel", "APP");
        JsonNode filed = orders.register(mine, body);
        assertThat(filed.get("channel").asString()).isEqualTo("APP");

        Response own = api().get("/api/v1/hotline/orders/mine").token(mine).send();
        assertThat(own.json().get("content").valueStream().map(o -> o.get("id").asString()))
                .containsExactly(filed.get("id").asString());
        assertThat(orders.get(mine, filed.get("id").asString()).get("caller").get("mobile").asString())
                .isEqualTo("138****5678");
        // another citizen neither lists nor reads it
        String other = People.citizen("c-own-2");
        assertThat(api().get("/api/v1/hotline/orders/mine").token(other).send().json().get("content")).isEmpty();
        assertThat(api().get("/api/v1/hotline/orders/" + filed.get("id").asString()).token(other).send().status())
                .isEqualTo(404);

        // a citizen cannot pose as the hotline: phone and partner channels are refused, nothing stored
        body.put("channel", "PHONE");
        Response asPhone = api().post("/api/v1/hotline/orders").token(mine).json(body).send();
        assertThat(asPhone.status()).isEqualTo(403);
        assertThat(asPhone.json().get("code").asString()).isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(api().get("/api/v1/hotline/orders/mine").token(mine).send().json().get("totalElements").asLong())
                .isEqualTo(1);
        // departments and supervisors do not register
        assertThat(api().post("/api/v1/hotline/orders").token(People.handler("GAJ")).json(body).send().status())
                .isEqualTo(403);
    }

    @Test
    void departmentsNeverSeeTheCallerOfAConfidentialOrderAndOnlyOrdersTheyHaveAPartIn() {
        Orders orders = new Orders(api());
        Map<String, Object> body = Orders.phoneCall("MARKET-FOOD", "341302", "HIGH", "埇桥区淮海路某餐馆");
        body.put("demandType", "REPORT");
        body.put("caller", Map.of("name", "李四", "mobile", "13912345678", "anonymous", false, "confidential", true));
        body.put("text", "举报某餐馆使用过期食材，可回电13912345678核实。");
        JsonNode order = orders.register(People.agent(), body);
        String id = order.get("id").asString();
        // the rule for 市场监管 in 埇桥区: the district's bureau
        JsonNode dispatched = orders.step(People.dispatcher(), id, "dispatch", Map.of());
        assertThat(dispatched.get("leadDepartment").asString()).isEqualTo("YQSCJGJ");
        assertThat(dispatched.get("caller").get("name").asString()).isEqualTo("李*");

        JsonNode seenByDepartment = orders.get(People.handler("YQSCJGJ"), id);
        assertThat(seenByDepartment.get("caller").isNull()).isTrue();
        assertThat(seenByDepartment.get("confidential").asBoolean()).isTrue();
        assertThat(seenByDepartment.toString()).doesNotContain("13912345678").doesNotContain("李");
        assertThat(seenByDepartment.get("text").asString()).contains("139****5678");
        // a supervisor of the city sees the order, never the caller
        JsonNode supervised = orders.get(People.supervisor("341300"), id);
        assertThat(supervised.get("caller").isNull()).isTrue();
        // a supervisor of another district, and a department without a part, find nothing
        assertThat(api().get("/api/v1/hotline/orders/" + id).token(People.supervisor("341321")).send().status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/hotline/orders/" + id).token(People.handler("RSJ")).send().status())
                .isEqualTo(404);
        assertThat(orders.call(People.handler("RSJ"), id, "sign", null).status()).isEqualTo(404);
        // the department's worklist has it, another's has not
        assertThat(api().get("/api/v1/hotline/orders?status=DISPATCHED").token(People.handler("YQSCJGJ")).send()
                .json().get("content").valueStream().map(o -> o.get("id").asString())).contains(id);
        assertThat(api().get("/api/v1/hotline/orders").token(People.handler("RSJ")).send()
                .json().get("content").valueStream().map(o -> o.get("id").asString())).doesNotContain(id);

        // roles: a handler does not dispatch, an agent does not sign, a dispatcher does not call back
        assertThat(orders.call(People.handler("YQSCJGJ"), id, "dispatch", Map.of()).status()).isEqualTo(403);
        assertThat(orders.call(People.agent(), id, "sign", null).status()).isEqualTo(403);
        assertThat(orders.call(People.dispatcher(), id, "callback", Map.of("result", "SATISFIED")).status())
                .isEqualTo(403);
        // illegal in this state: a reply before signing, a callback before the reply
        Response early = orders.call(People.handler("YQSCJGJ"), id, "reply", Map.of("reply", "已处理"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("NOT_SIGNED");
        assertThat(orders.call(People.agent(), id, "callback", Map.of("result", "SATISFIED")).status())
                .isEqualTo(409);
    }

    @Test
    void aConsultationIsAnsweredFromAValidKnowledgeEntryAndTheUseIsCounted() {
        Orders orders = new Orders(api());
        Response entry = api().post("/api/v1/hotline/knowledge").token(People.handler("RSJ")).json(Map.of(
                "question", "灵活就业人员如何参加职工养老保险？", "answer", "持身份证到社保经办窗口或通过皖事通办理参保登记。",
                "categoryCode", "CONSULT-SOCIAL", "validFrom", "2026-01-01", "validTo", "2099-12-31")).send();
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        String entryId = entry.json().get("id").asString();
        Response expired = api().post("/api/v1/hotline/knowledge").token(People.handler("RSJ")).json(Map.of(
                "question", "2025年度灵活就业社保补贴申领", "answer", "已截止。", "categoryCode", "CONSULT-SOCIAL",
                "validFrom", "2025-01-01", "validTo", "2025-12-31")).send();
        String expiredId = expired.json().get("id").asString();

        // search by a Chinese substring: the valid entry only
        Response found = api().get("/api/v1/hotline/knowledge?q=灵活就业").token(People.agent()).send();
        assertThat(found.json().get("content").valueStream().map(e -> e.get("id").asString())).contains(entryId)
                .doesNotContain(expiredId);

        Map<String, Object> body = Orders.phoneCall("CONSULT-SOCIAL", "341302", "NORMAL", "来电咨询");
        body.put("demandType", "CONSULTATION");
        String id = orders.register(People.agent(), body).get("id").asString();
        Response stale = orders.call(People.agent(), id, "answer", Map.of("knowledgeEntryId", expiredId));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("KNOWLEDGE_ENTRY_NOT_VALID");
        JsonNode answered = orders.step(People.agent(), id, "answer", Map.of("knowledgeEntryId", entryId));
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.get("knowledgeEntryId").asString()).isEqualTo(entryId);
        assertThat(answered.get("reply").asString()).startsWith("持身份证");
        assertThat(api().get("/api/v1/hotline/knowledge/" + entryId).token(People.agent()).send().json()
                .get("usageCount").asLong()).isEqualTo(1);

        // a complaint is not answered from the knowledge base
        String complaint = orders.register(People.agent(),
                Orders.phoneCall("CONSULT-SOCIAL", "341302", "NORMAL", "来电")).get("id").asString();
        assertThat(orders.call(People.agent(), complaint, "answer", Map.of("knowledgeEntryId", entryId)).json()
                .get("code").asString()).isEqualTo("NOT_A_CONSULTATION");
        // another department does not edit RSJ's entry; a stale version is 409
        assertThat(api().put("/api/v1/hotline/knowledge/" + entryId).token(People.handler("GAJ")).json(Map.of(
                "question", "x", "answer", "y", "categoryCode", "CONSULT-SOCIAL", "version", 0)).send().status())
                .isEqualTo(404);
        long version = entry.json().get("version").asLong();
        assertThat(api().put("/api/v1/hotline/knowledge/" + entryId).token(People.handler("RSJ")).json(Map.of(
                "question", "灵活就业人员如何参保？", "answer", "见社保窗口。", "categoryCode", "CONSULT-SOCIAL",
                "version", version)).send().status()).isEqualTo(200);
        assertThat(api().put("/api/v1/hotline/knowledge/" + entryId).token(People.handler("RSJ")).json(Map.of(
                "question", "再改", "answer", "再改", "categoryCode", "CONSULT-SOCIAL", "version", version)).send()
                .status()).isEqualTo(409);
    }

    @Test
    void everyBadInputIsA4xxProblemAndStoresNothing() {
        long before = mongo.count(new Query(), "work_orders");
        List<Map<String, Object>> bad = List.of(
                with("caller", Map.of("name", "张三", "mobile", "12345678901", "anonymous", false,
                        "confidential", false)),
                with("caller", Map.of("mobile", "13812345678", "anonymous", true, "confidential", false)),
                with("region", "110101"),
                with("region", "34130"),
                with("categoryCode", "NOPE"),
                with("categoryCode", "lower"),
                with("urgency", "ASAP"),
                with("demandType", "RANT"),
                with("text", "x".repeat(2001)),
                with("text", ""),
                with("address", "a".repeat(201)),
                with("location", Map.of("lat", 91, "lng", 117)),
                with("unknownField", 1),
                with("channel", null));
        for (Map<String, Object> body : bad) {
            Response refused = api().post("/api/v1/hotline/orders").token(People.agent()).json(body).send();
            assertThat(refused.status()).as(body + " → " + refused).isBetween(400, 499);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).as(refused.toString()).isNotBlank();
        }
        Response notJson = api().post("/api/v1/hotline/orders").token(People.agent())
                .body("application/json", "{\"channel\":").send();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(mongo.count(new Query(), "work_orders")).isEqualTo(before);
        assertThat(mongo.count(Query.query(Criteria.where("caller.mobileMasked").is("123****8901")), "work_orders"))
                .isZero();

        // paging and ids are checked too
        for (String list : List.of("/api/v1/hotline/orders?size=0", "/api/v1/hotline/orders?size=101",
                "/api/v1/hotline/orders?page=-1", "/api/v1/hotline/orders?status=OPEN",
                "/api/v1/hotline/orders?level=PURPLE", "/api/v1/hotline/orders/not-an-id")) {
            Response refused = api().get(list).token(People.agent()).send();
            assertThat(refused.status()).as(list).isEqualTo(400);
        }
        assertThat(api().get("/api/v1/hotline/orders/00000000-0000-0000-0000-000000000000").token(People.agent())
                .send().status()).isEqualTo(404);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Orders.phoneCall("CITY-ROAD", "341302", "NORMAL", "某路"));
        body.put(field, value);
        return body;
    }
}
