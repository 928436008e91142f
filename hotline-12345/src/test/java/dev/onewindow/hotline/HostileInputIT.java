package dev.onewindow.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in what callers and staff type — the caller's words, addresses, names, reasons, replies — and in the
 * path and headers: a 400 problem with a code, never a 5xx or Tomcat's HTML, nothing stored; the texts that
 * legitimately span lines (what the caller said, replies, reasons) still may.
 */
@IntegrationTest
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "@@hostile@@";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void controlAndBidiCharactersNeverReachAnOrder() {
        long before = mongo.count(new Query(), "work_orders");
        for (String field : List.of("address", "text")) {
            for (String hostile : List.of("abc\u202Efdp.exe", "a\u0000b", "\u2066x\u2069", "\uD800", "bell\u0007")) {
                Map<String, Object> body = new HashMap<>(Orders.phoneCall("CITY-ROAD", "341302", "NORMAL", "某路"));
                body.put(field, HOSTILE);
                Response refused = api().post("/api/v1/hotline/orders").token(People.agent())
                        .body("application/json", withHostile(body, hostile)).send();
                assertThat(refused.status()).as(field + " " + hostile + " " + refused).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        }
        Map<String, Object> namedBody = new HashMap<>(Orders.phoneCall("CITY-ROAD", "341302", "NORMAL", "某路"));
        namedBody.put("caller", Map.of("name", HOSTILE, "anonymous", false, "confidential", false));
        assertThat(api().post("/api/v1/hotline/orders").token(People.agent())
                .body("application/json", withHostile(namedBody, "王\u202E五")).send().status()).isEqualTo(400);
        // a single-line field takes no line break; what the caller said may span lines
        Map<String, Object> twoLineAddress = new HashMap<>(Orders.phoneCall("CITY-ROAD", "341302", "NORMAL",
                "某路\n某号"));
        assertThat(api().post("/api/v1/hotline/orders").token(People.agent()).json(twoLineAddress).send().status())
                .isEqualTo(400);
        assertThat(mongo.count(new Query(), "work_orders")).isEqualTo(before);
        Map<String, Object> twoLineText = new HashMap<>(Orders.phoneCall("CITY-ROAD", "341302", "NORMAL", "某路"));
        twoLineText.put("text", "路面塌陷。\n已有车辆受损。");
        assertThat(api().post("/api/v1/hotline/orders").token(People.agent()).json(twoLineText).send().status())
                .isEqualTo(201);
    }

    @Test
    void repliesAndReasonsRefuseHiddenCharactersAndTheOrderIsUnchanged() {
        Orders orders = new Orders(api());
        String id = orders.register(People.agent(), Orders.phoneCall("SAFETY-TRAFFIC", "341302", "HIGH", "路口"))
                .get("id").asString();
        orders.step(People.dispatcher(), id, "dispatch", Map.of());
        orders.step(People.handler("GAJ"), id, "sign", null);
        for (String hostile : List.of("已处理\u202E", "a\u0000b", "\uDFFF")) {
            Response reply = api().post("/api/v1/hotline/orders/" + id + "/reply").token(People.handler("GAJ"))
                    .body("application/json", withHostile(Map.of("reply", HOSTILE), hostile)).send();
            assertThat(reply.status()).as(hostile).isEqualTo(400);
            Response returned = api().post("/api/v1/hotline/orders/" + id + "/return").token(People.handler("GAJ"))
                    .body("application/json", withHostile(Map.of("reason", HOSTILE), hostile)).send();
            assertThat(returned.status()).as(hostile).isEqualTo(400);
        }
        assertThat(orders.get(People.dispatcher(), id).get("status").asString()).isEqualTo("SIGNED");
        assertThat(orders.step(People.handler("GAJ"), id, "reply", Map.of("reply", "已处置：\n1. 调整信号配时\n2. 加派警力"))
                .get("status").asString()).isEqualTo("REPLIED");
    }

    @Test
    void malformedPathsAndHeadersAreProblemsNotTomcatPages() throws IOException {
        for (String path : List.of("/api/v1/hotline/orders/%ff", "/api/v1/hotline/knowledge/%c0%af",
                "/api/v1/hotline/orders/%E2%80%AE")) {
            String answer = raw(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + People.agent() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .containsPattern("\"code\":\"[A-Z_]+\"").doesNotContainIgnoringCase("<html");
        }
        byte[] json = JSON.writeValueAsString(Orders.phoneCall("CITY-ROAD", "341302", "NORMAL", "某路"))
                .getBytes(StandardCharsets.UTF_8);
        String answer = raw(("POST /api/v1/hotline/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + People.agent() + "\r\nContent-Type: application/json; charset=\u00E2\u0080\u00AE\r\nContent-Length: "
                + json.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), json);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_HEADER\"");
        Response search = api().get("/api/v1/hotline/knowledge?q=%00").token(People.agent()).send();
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.json().get("code").asString()).isEqualTo("INVALID_TEXT");
    }

    private static String withHostile(Object body, String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c == '"' || c == '\\' ? "\\" + c
                    : c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return JSON.writeValueAsString(body).replace(HOSTILE, escaped);
    }

    private String raw(byte[]... parts) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
