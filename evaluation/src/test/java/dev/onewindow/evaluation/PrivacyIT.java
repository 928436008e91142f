package dev.onewindow.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.onewindow.evaluation.support.People;
import dev.onewindow.evaluation.support.People.Citizen;
import dev.onewindow.evaluation.support.Producers;
import dev.onewindow.evaluation.support.Ratings;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: departments never see who rated (no reference, no number, the rater's words masked), officers read
 * their own department's ratings only, auditors read all, the callback contact goes only to the department's handler,
 * and no ID number or mobile number is ever in an answer, a log line or an event.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

    private static final String ID_NUMBER = "341302199505050054";
    private static final String MOBILE = "13700001111";
    /**
     * A number standing on its own: not a run of digits inside an id or a hash (a random UUID such as
     * {@code …-b17326969613} holds eleven digits starting with 17 now and then), but in text ("电话137…") or a value.
     */
    private static final Pattern ANY_MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");
    private static final Pattern ANY_ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9X](?![0-9A-Za-z])");

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void departmentsNeverSeeTheRaterAndOnlyTheirOwnRatings(CapturedOutput logs) {
        Citizen citizen = new Citizen("c-privacy", ID_NUMBER);
        Ratings ratings = new Ratings(api());
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(ID_NUMBER), "GAJ", "XK00501000341300GAJ", "PC_PORTAL",
                "APPROVED");
        ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
        Map<String, Object> body = new java.util.HashMap<>(Ratings.rating("CASE", caseId, "COMPLETION", 2,
                List.of("ATTITUDE")));
        body.put("text", "窗口态度差，我的电话" + MOBILE + "，身份证" + ID_NUMBER);
        body.put("contactMobile", MOBILE);
        JsonNode rated = ratings.rated(citizen.token(), body);
        String id = rated.path("id").asString();
        String rectification = rated.path("rectificationId").asString();
        assertThat(rated.path("text").asString()).as("the rater reads her own words").contains(MOBILE);

        for (String staff : List.of(People.officer("GAJ"), People.handler("GAJ"), People.deptAdmin("GAJ"),
                People.evalAdmin(), People.auditor())) {
            Response read = api().get("/api/v1/evaluations/ratings/" + id).token(staff).send();
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertNoPersonalData(read.rawBody());
            assertThat(read.rawBody()).doesNotContain(hasher.hashIdNumber(ID_NUMBER)).doesNotContain("c-privacy");
        }
        assertThat(api().get("/api/v1/evaluations/ratings/" + id).token(People.officer("SCJGJ")).send().status())
                .as("another department's officer").isEqualTo(404);
        JsonNode officerList = ratings.read(People.officer("SCJGJ"), "/api/v1/evaluations/ratings?size=100");
        for (JsonNode item : officerList.path("items")) {
            assertThat(item.path("department").asString()).isEqualTo("SCJGJ");
        }
        JsonNode auditorList = ratings.read(People.auditor(), "/api/v1/evaluations/ratings?size=100");
        assertThat(auditorList.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertNoPersonalData(auditorList.toString());

        // the contact: in full for the department's handler, masked for the others who may read the rectification
        String contact = "/api/v1/evaluations/rectifications/" + rectification + "/contact";
        assertThat(ratings.read(People.handler("GAJ"), contact).path("mobile").asString()).isEqualTo(MOBILE);
        String masked = MOBILE.substring(0, 3) + "****" + MOBILE.substring(7);
        assertThat(ratings.read(People.deptAdmin("GAJ"), contact).path("mobile").asString()).isEqualTo(masked);
        assertThat(ratings.read(People.evalAdmin(), contact).path("mobile").asString()).isEqualTo(masked);
        assertThat(api().get(contact).token(People.deptAdmin("WJW")).send().status()).isEqualTo(404);
        assertThat(api().get(contact).token(citizen.token()).send().status()).isEqualTo(403);
        Response rectificationRead = api().get("/api/v1/evaluations/rectifications/" + rectification)
                .token(People.evalAdmin()).send();
        assertThat(rectificationRead.status()).isEqualTo(200);
        assertNoPersonalData(rectificationRead.rawBody());
        // eval-admins and supervisors list their region's: the district's see nothing of the city's departments
        String districtSupervisor = dev.onewindow.platform.testkit.TokenMinter.shared()
                .user("supervisor-341302", "supervisor").dept("YQQZF").region("341302").mint();
        for (JsonNode item : ratings.read(districtSupervisor, "/api/v1/evaluations/rectifications?size=100")
                .path("items")) {
            assertThat(item.path("region").asString()).startsWith("341302");
        }
        assertThat(api().get("/api/v1/evaluations/rectifications/" + rectification).token(districtSupervisor).send()
                .status()).isEqualTo(404);
        JsonNode cityList = ratings.read(People.evalAdmin(), "/api/v1/evaluations/rectifications?size=100");
        assertThat(cityList.path("total").asLong()).isGreaterThanOrEqualTo(1);
        // anonymous: only the public reads
        assertThat(api().get("/api/v1/evaluations/ratings/" + id).send().status()).isEqualTo(401);
        // the contact was read and logged as such: who read which rectification, never the number
        assertThat(logs.getAll()).contains("callback contact of rectification " + rectification)
                .doesNotContain(MOBILE).doesNotContain(ID_NUMBER);
    }

    @Test
    void noEventCarriesAnIdNumberOrAMobileNumber() {
        Citizen citizen = new Citizen("c-events", ID_NUMBER);
        Ratings ratings = new Ratings(api());
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(ID_NUMBER), "GAJ", "XK00501000341300GAJ", "PC_PORTAL",
                "APPROVED");
        ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
        Map<String, Object> body = new java.util.HashMap<>(Ratings.rating("CASE", caseId, "COMPLETION", 1,
                List.of("OTHER")));
        body.put("text", "电话" + MOBILE);
        body.put("contactMobile", MOBILE);
        String rectification = ratings.rated(citizen.token(), body).path("rectificationId").asString();
        try (TopicReader topics = TopicReader.fromBeginning("evaluation.rating.events.v1",
                "evaluation.rectification.events.v1", "evaluation.appeal.events.v1")) {
            List<ConsumerRecord<String, String>> records = topics.awaitRecords(
                    all -> all.stream().anyMatch(r -> r.key().equals(rectification)), Duration.ofSeconds(20));
            assertThat(records).isNotEmpty();
            for (ConsumerRecord<String, String> record : records) {
                assertNoPersonalData(record.value());
            }
        }
    }

    private static void assertNoPersonalData(String text) {
        assertThat(ANY_MOBILE.matcher(text).find()).as("a mobile number in " + text).isFalse();
        assertThat(ANY_ID_NUMBER.matcher(text).find()).as("an ID number in " + text).isFalse();
    }
}
