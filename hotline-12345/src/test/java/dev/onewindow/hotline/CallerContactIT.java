package dev.onewindow.hotline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.hotline.support.Orders;
import dev.onewindow.hotline.support.People;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller's number, for evaluation's service account only (it has the department's handler call a bad rater back):
 * in clear for a caller who left one, withheld for a caller who asked for confidentiality (保密), and for everyone
 * else — staff, the caller, another service's account, a user who calls itself "evaluation" — 404, as for an order
 * that does not exist.
 */
@IntegrationTest
class CallerContactIT {

    @LocalServerPort
    int port;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    private static String evaluation() {
        return TokenMinter.shared().client("evaluation").mint();
    }

    private Response contact(String orderId, String token) {
        return api().get("/api/v1/hotline/orders/" + orderId + "/caller-contact").token(token).send();
    }

    @Test
    void theCallersNumberIsForEvaluationsServiceAccountAndWithheldWhenConfidential() {
        Orders orders = new Orders(api());
        String id = orders.register(People.agent(), Orders.phoneCall("CITY-LIGHT", "341302", "NORMAL",
                "埇桥区人民路路灯")).path("id").asString();
        Response read = contact(id, evaluation());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("orderId").asString()).isEqualTo(id);
        assertThat(read.json().path("mobile").asString()).isEqualTo("13812345678");
        assertThat(read.json().path("confidential").asBoolean()).isFalse();

        for (String stranger : List.of(People.agent(), People.dispatcher(), People.handler("ZRZYJ"),
                People.auditor(), People.citizen("c-contact"), People.partner("partner-demo"),
                TokenMinter.shared().client("e-license").mint(),
                TokenMinter.shared().user("evaluation", "eval-admin").clientId("onewindow-app").mint())) {
            Response refused = contact(id, stranger);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
            assertThat(refused.json().path("code").asString()).isEqualTo("NOT_FOUND");
        }

        Map<String, Object> secret = new HashMap<>(Orders.phoneCall("CITY-LIGHT", "341302", "NORMAL", "埇桥区路灯"));
        secret.put("caller", Map.of("name", "李小红", "mobile", "13912345678", "anonymous", false,
                "confidential", true));
        String confidential = orders.register(People.agent(), secret).path("id").asString();
        Response withheld = contact(confidential, evaluation());
        assertThat(withheld.status()).as(withheld.toString()).isEqualTo(200);
        assertThat(withheld.json().path("mobile").isNull()).isTrue();
        assertThat(withheld.json().path("confidential").asBoolean()).isTrue();
        assertThat(contact(java.util.UUID.randomUUID().toString(), evaluation()).status()).isEqualTo(404);
    }
}
