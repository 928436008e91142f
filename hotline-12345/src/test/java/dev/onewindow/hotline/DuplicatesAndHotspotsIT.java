package dev.onewindow.hotline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.hotline.support.Orders;
import dev.onewindow.hotline.support.People;
import dev.onewindow.hotline.support.TestClockConfiguration;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import dev.onewindow.platform.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 重复工单 suggested and merged, the merged caller getting the reply and a callback of her own; 热点 counted per hour
 * and raised once per spike, on the real broker.
 */
@IntegrationTest
class DuplicatesAndHotspotsIT {

    @LocalServerPort
    int port;

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    @Test
    void aNearbyOrderOfTheSameMatterIsSuggestedMergedAndRepliedWithThePrimary() {
        Orders orders = new Orders(ApiClient.localPort(port));
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 10, 22, 0));
        Map<String, Object> first = Orders.phoneCall("ENV-NOISE-SOCIAL", "341302", "NORMAL", "埇桥区汴河路8号小区广场");
        first.put("location", Map.of("lat", 33.6400, "lng", 116.9800));
        JsonNode primary = orders.register(People.agent(), first);
        String primaryId = primary.get("id").asString();
        orders.step(People.dispatcher(), primaryId, "dispatch", Map.of());

        // 22:20, about 120 m away: suggested; 2 km away: not
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 10, 22, 20));
        Map<String, Object> second = Orders.phoneCall("ENV-NOISE-SOCIAL", "341302", "NORMAL", "汴河路小区东门");
        second.put("location", Map.of("lat", 33.6410, "lng", 116.9805));
        second.put("caller", Map.of("name", "赵六", "mobile", "13700001111", "anonymous", false, "confidential", false));
        JsonNode duplicate = orders.register(People.agent(), second);
        assertThat(duplicate.get("duplicateOf").toString()).contains(primary.get("orderNo").asString());
        Map<String, Object> far = Orders.phoneCall("ENV-NOISE-SOCIAL", "341302", "NORMAL", "埇桥区西关大街");
        far.put("location", Map.of("lat", 33.6580, "lng", 116.9800));
        assertThat(orders.register(People.agent(), far).get("duplicateOf")).isEmpty();
        // without coordinates, the same address (blanks and punctuation aside) is a duplicate
        Map<String, Object> sameAddress = Orders.phoneCall("ENV-NOISE-SOCIAL", "341302", "NORMAL",
                "埇桥区 汴河路8号 小区广场。");
        assertThat(orders.register(People.agent(), sameAddress).get("duplicateOf").toString())
                .contains(primary.get("orderNo").asString());

        String duplicateId = duplicate.get("id").asString();
        JsonNode merged = orders.step(People.dispatcher(), duplicateId, "merge",
                Map.of("into", primary.get("orderNo").asString()));
        assertThat(merged.get("status").asString()).isEqualTo("MERGED");
        assertThat(merged.get("mergedInto").asString()).isEqualTo(primary.get("orderNo").asString());
        // a merged order is not merged again, nor into itself
        assertThat(orders.call(People.dispatcher(), duplicateId, "merge",
                Map.of("into", primary.get("orderNo").asString())).status()).isEqualTo(409);

        orders.step(People.handler("GAJ"), primaryId, "sign", null);
        orders.step(People.handler("GAJ"), primaryId, "reply", Map.of("reply", "已劝导广场舞团队22点前结束活动"));

        // the merged caller gets the same reply and waits for her own callback
        Eventually.holds(Duration.ofSeconds(20), () ->
                assertThat(orders.get(People.dispatcher(), duplicateId).get("status").asString())
                        .isEqualTo("REPLIED"));
        JsonNode repliedToo = orders.get(People.dispatcher(), duplicateId);
        assertThat(repliedToo.get("reply").asString()).startsWith("已劝导");
        assertThat(repliedToo.get("deadline").get("phase").asString()).isEqualTo("CALLBACK");
        orders.step(People.agent(), duplicateId, "callback", Map.of("result", "SATISFIED"));
        assertThat(orders.step(People.agent(), duplicateId, "close", null).get("status").asString())
                .isEqualTo("CLOSED");
        assertThat(orders.get(People.agent(), primaryId).get("status").asString()).isEqualTo("REPLIED");
    }

    @Test
    void aSpikeOfOrdersInOneCategoryAndDistrictRaisesOneHotspot() {
        Orders orders = new Orders(ApiClient.localPort(port));
        ApiClient api = ApiClient.localPort(port);
        // the same hour on two earlier days: a baseline of 1 order each (mean over 7 days: 2/7)
        for (int day : List.of(5, 6)) {
            TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, day, 21, 10));
            orders.register(People.agent(), Orders.phoneCall("CITY-GARBAGE", "341302", "NORMAL", "街道" + day));
        }
        // then six orders between 21:00 and 22:00 on 7 April: the spike is raised at the fifth (the minimum)
        for (int i = 0; i < 6; i++) {
            TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 7, 21, 5 + i * 5));
            orders.register(People.agent(), Orders.phoneCall("CITY-GARBAGE", "341302", "NORMAL", "小区" + i));
        }
        String dispatcher = People.dispatcher();
        Eventually.holds(Duration.ofSeconds(20), () -> {
            Response counts = api.get("/api/v1/hotline/hotspots/counts?category=CITY-GARBAGE&region=341302"
                    + "&from=2026-04-07T13:00:00Z&to=2026-04-07T14:00:00Z").token(dispatcher).send();
            assertThat(counts.json().get(0).get("count").asLong()).isEqualTo(6);
        });
        try (TopicReader reader = TopicReader.fromBeginning("hotline-12345.hotspot.events.v1")) {
            String hotspotId = "CITY-GARBAGE|341302|2026040721";
            List<JsonNode> raised = reader.awaitEvents(hotspotId, 1, Duration.ofSeconds(20));
            assertThat(raised).hasSize(1);
            assertThat(raised.get(0).get("type").asString()).isEqualTo("hotspot.detected");
            assertThat(raised.get(0).get("data").get("count").asLong()).isEqualTo(5);
            // later orders in the same hour (and in the next) continue the spike: nothing more is raised
            TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 7, 22, 5));
            for (int i = 0; i < 6; i++) {
                orders.register(People.agent(), Orders.phoneCall("CITY-GARBAGE", "341302", "NORMAL", "后续" + i));
            }
            Eventually.holds(Duration.ofSeconds(20), () -> {
                Response counts = api.get("/api/v1/hotline/hotspots/counts?category=CITY-GARBAGE&region=341302"
                        + "&from=2026-04-07T14:00:00Z&to=2026-04-07T15:00:00Z").token(dispatcher).send();
                assertThat(counts.json().get(0).get("count").asLong()).isEqualTo(6);
            });
            assertThat(reader.awaitRecords(records -> true, Duration.ofSeconds(2)).stream()
                    .filter(r -> r.value().contains("CITY-GARBAGE")).count()).isEqualTo(1);
        }
        Response listed = api.get("/api/v1/hotline/hotspots?from=2026-04-07T00:00:00Z&to=2026-04-08T00:00:00Z")
                .token(People.supervisor("341300")).send();
        assertThat(listed.json().valueStream().map(h -> h.get("categoryCode").asString()).toList())
                .containsExactly("CITY-GARBAGE");
    }
}
