package dev.onewindow.supervision;

import java.time.Instant;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.Eventually;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.supervision.support.Producers;
import dev.onewindow.supervision.support.Watching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.onewindow.supervision.support.People.supervisor;
import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.Producers.caseEvent;
import static dev.onewindow.supervision.support.Producers.orderEvent;
import static dev.onewindow.supervision.support.Producers.ratingEvent;
import static dev.onewindow.supervision.support.Producers.rectificationEvent;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The KPIs on a known set of June 2026 events, against values computed by hand (in the comments), kept as the events
 * arrive — a redelivery changes nothing — and the public, cacheable ranking summary.
 */
@IntegrationTest
class KpiIT {

    private static final String DEPTH4 = "XK-KPI-DEPTH4";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void systemTime() {
        CLOCK.useSystemTime();
    }

    private static void deadline(ObjectNode data, String phase, Instant startedAt, int limit) {
        ObjectNode d = data.putObject("deadline");
        d.put("phase", phase).put("startedAt", startedAt.toString()).put("limit", limit).put("unit", "WORKING_DAYS");
        d.putArray("extensions");
    }

    @Test
    void kpisMatchTheHandComputedValuesAndTheRankingIsPublic() {
        Watching watching = new Watching(mongo);
        CLOCK.set(at(2026, 6, 30, 12, 0));
        Producers.itemPublished(DEPTH4, 1, 4);
        Eventually.holds(java.time.Duration.ofSeconds(30), () -> assertThat(mongo.findById(DEPTH4,
                org.bson.Document.class, "entry_depths")).isNotNull());

        // KPIA: c1 on time in 2.0 working days (online, 4-depth), c2 late after 3.0 (at the window, 4-depth)
        // KPIB: c3 on time in 1.0 (4-depth unknown)
        String c1 = aCase("KPIA", DEPTH4, "MOBILE_APP", 5, at(2026, 6, 3, 10, 0));
        String c2 = aCase("KPIA", DEPTH4, "SERVICE_HALL", 1, at(2026, 6, 4, 10, 0));
        String c3 = aCase("KPIB", "XK-KPI-OTHER", "PC_PORTAL", 5, at(2026, 6, 2, 10, 0));

        // KPIA leads two complaints: o1 signed and replied on time, called back satisfied, closed satisfied;
        // o2 signed late (due the end of 2 June), called back unsatisfied
        String o1 = UUID.randomUUID().toString();
        String o2 = UUID.randomUUID().toString();
        for (String o : new String[] {o1, o2}) {
            orderEvent("workorder.dispatched", o, 2, at(2026, 6, 1, 10, 0), d -> {
                d.put("leadDepartment", "KPIA").put("demandType", "COMPLAINT");
                deadline(d, "SIGN", at(2026, 6, 1, 10, 0), 1);
            });
        }
        orderEvent("workorder.signed", o1, 3, at(2026, 6, 1, 11, 0), d -> {
            d.put("leadDepartment", "KPIA").put("demandType", "COMPLAINT").put("role", "LEAD")
                    .put("department", "KPIA").put("signedAt", at(2026, 6, 1, 11, 0).toString());
            deadline(d, "REPLY", at(2026, 6, 1, 10, 0), 5);
        });
        orderEvent("workorder.replied", o1, 4, at(2026, 6, 2, 10, 0), d -> {
            d.put("leadDepartment", "KPIA").put("demandType", "COMPLAINT").put("role", "LEAD")
                    .put("department", "KPIA").put("repliedAt", at(2026, 6, 2, 10, 0).toString());
            deadline(d, "CALLBACK", at(2026, 6, 2, 10, 0), 1);
        });
        orderEvent("workorder.callback-recorded", o1, 5, at(2026, 6, 2, 15, 0), d -> d.put("leadDepartment", "KPIA")
                .put("demandType", "COMPLAINT").put("result", "SATISFIED"));
        orderEvent("workorder.closed", o1, 6, at(2026, 6, 2, 15, 0), d -> d.put("leadDepartment", "KPIA")
                .put("demandType", "COMPLAINT").put("outcome", "SATISFIED"));
        orderEvent("workorder.signed", o2, 3, at(2026, 6, 3, 10, 0), d -> {
            d.put("leadDepartment", "KPIA").put("demandType", "COMPLAINT").put("role", "LEAD")
                    .put("department", "KPIA").put("signedAt", at(2026, 6, 3, 10, 0).toString());
            deadline(d, "REPLY", at(2026, 6, 1, 10, 0), 5);
        });
        orderEvent("workorder.callback-recorded", o2, 4, at(2026, 6, 5, 15, 0), d -> d.put("leadDepartment", "KPIA")
                .put("demandType", "COMPLAINT").put("result", "UNSATISFIED"));

        // KPIA is rated 5 and 1; the bad rating's rectification completes on time
        String r1 = UUID.randomUUID().toString();
        String r2 = UUID.randomUUID().toString();
        String fix = UUID.randomUUID().toString();
        ratingEvent("rating.submitted", r1, 3, at(2026, 6, 5, 10, 0), d -> d.put("department", "KPIA")
                .put("level", 5).put("bad", false).put("ratedAt", at(2026, 6, 5, 10, 0).toString()));
        ratingEvent("rating.submitted", r2, 3, at(2026, 6, 5, 10, 0), d -> d.put("department", "KPIA")
                .put("level", 1).put("bad", true).put("ratedAt", at(2026, 6, 5, 10, 0).toString()));
        rectificationEvent("rectification.opened", fix, 1, at(2026, 6, 5, 10, 0), d -> d.put("department", "KPIA")
                .put("openedAt", at(2026, 6, 5, 10, 0).toString()));
        rectificationEvent("rectification.completed", fix, 2, at(2026, 6, 8, 10, 0), d -> d
                .put("department", "KPIA").put("completedAt", at(2026, 6, 8, 10, 0).toString()));

        for (String c : new String[] {c1, c2, c3}) {
            watching.applied(Source.CASE, c, 3);
        }
        watching.applied(Source.WORK_ORDER, o1, 6);
        watching.applied(Source.WORK_ORDER, o2, 4);
        watching.applied(Source.RECTIFICATION, fix, 2);
        watching.applied(Source.RATING, r2, 3);
        // a redelivered completion counts nothing
        caseEvent("case.completed", c1, 3, at(2026, 6, 3, 10, 0), d -> d.put("departmentCode", "KPIA")
                .put("implementationCode", DEPTH4).put("channel", "MOBILE_APP").put("outcome", "APPROVED"));

        ApiClient api = ApiClient.localPort(port);
        Eventually.holds(java.time.Duration.ofSeconds(30), () -> {
            JsonNode a = kpis(api, "KPIA");
            assertThat(a.path("CASES_HANDLED").asDouble()).isEqualTo(2.0);
            assertThat(a.path("RATING_SATISFACTION").asDouble()).isEqualTo(0.5);
        });
        JsonNode a = kpis(api, "KPIA");
        assertThat(a.path("CASES_HANDLED").asDouble()).isEqualTo(2.0);
        assertThat(a.path("ON_TIME_RATE").asDouble()).isEqualTo(0.5);
        assertThat(a.path("OVERDUE_COUNT").asDouble()).isEqualTo(1.0);
        assertThat(a.path("AVERAGE_HANDLING_WORKING_DAYS").asDouble()).isCloseTo(2.5, within(0.001));
        assertThat(a.path("FULL_ONLINE_RATE").asDouble()).isEqualTo(0.5);
        assertThat(a.path("HOTLINE_SIGN_ON_TIME_RATE").asDouble()).isEqualTo(0.5);
        assertThat(a.path("HOTLINE_REPLY_ON_TIME_RATE").asDouble()).isEqualTo(1.0);
        assertThat(a.path("CALLBACK_SATISFACTION").asDouble()).isEqualTo(0.5);
        assertThat(a.path("RATING_SATISFACTION").asDouble()).isEqualTo(0.5);
        assertThat(a.path("RECTIFICATION_RATE").asDouble()).isEqualTo(1.0);
        // (1 complaint closed satisfied on time + 1 bad rating rectified on time) ÷ (2 complaints + 1 bad rating)
        assertThat(a.path("COMPLAINT_AND_BAD_RATING_SATISFACTION").asDouble()).isEqualTo(0.6667);
        JsonNode b = kpis(api, "KPIB");
        assertThat(b.path("CASES_HANDLED").asDouble()).isEqualTo(1.0);
        assertThat(b.path("ON_TIME_RATE").asDouble()).isEqualTo(1.0);
        assertThat(b.path("AVERAGE_HANDLING_WORKING_DAYS").asDouble()).isCloseTo(1.0, within(0.001));
        assertThat(b.path("FULL_ONLINE_RATE").isNull()).isTrue();

        Response summary = api.get("/api/v1/supervision/rankings/summary?period=2026-06").send();
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        assertThat(summary.header("Cache-Control")).contains("max-age=60");
        JsonNode onTime = null;
        for (JsonNode ranking : summary.json().path("rankings")) {
            if (ranking.path("kpi").asString().equals("ON_TIME_RATE")) {
                onTime = ranking.path("departments");
            }
        }
        assertThat(onTime).isNotNull();
        assertThat(onTime.get(0).path("department").asString()).isEqualTo("KPIB");
        assertThat(onTime.get(1).path("department").asString()).isEqualTo("KPIA");
        assertThat(onTime.get(1).path("rank").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/supervision/kpis?period=2026-06&dimension=DEPARTMENT&key=KPIA").send()
                .status()).isEqualTo(401);
        assertThat(api.get("/api/v1/supervision/rankings/summary?period=2026-13").send().status()).isEqualTo(400);
    }

    /** A case accepted Monday 1 June 10:00 with {@code limit} working days and completed at {@code completed}. */
    private static String aCase(String department, String entry, String channel, int limit, Instant completed) {
        String id = UUID.randomUUID().toString();
        caseEvent("case.accepted", id, 2, at(2026, 6, 1, 10, 0), d -> d.put("departmentCode", department)
                .put("implementationCode", entry).put("channel", channel).put("limitWorkingDays", limit)
                .put("acceptedAt", at(2026, 6, 1, 10, 0).toString()));
        caseEvent("case.completed", id, 3, completed, d -> d.put("departmentCode", department)
                .put("implementationCode", entry).put("channel", channel).put("outcome", "APPROVED"));
        return id;
    }

    private static JsonNode kpis(ApiClient api, String department) {
        Response response = api.get("/api/v1/supervision/kpis?period=2026-06&dimension=DEPARTMENT&key="
                + department).token(supervisor("341300")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("values");
    }
}
