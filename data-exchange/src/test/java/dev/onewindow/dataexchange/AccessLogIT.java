package dev.onewindow.dataexchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.onewindow.dataexchange.support.Exchange;
import dev.onewindow.dataexchange.support.People;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log an auditor can prove, over HTTP: the chain verifies; an entry altered directly in the database
 * fails verification at that entry (whole log and a range); a tail cut off after a signed head is detected — against
 * the stored head and, once the attacker has removed that too, against the head as it was published on the topic;
 * a head whose signature does not verify is refused. Every change to the database is undone before the test ends.
 */
@IntegrationTest
class AccessLogIT {

    private static final String USCC = "91341302MA2T4K7B8P";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    Exchange exchange;

    @BeforeEach
    void setUp() {
        exchange = new Exchange(ApiClient.localPort(port));
    }

    private List<String> accesses(int count) {
        String grant = exchange.grantedAtOnce("SCJGJ", "WSJKW", Exchange.enterprises("UNCONDITIONAL", "scjgj"),
                List.of("uscc", "entityName"), List.of(), Instant.now().plus(Duration.ofDays(30)), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(exchange.query("WSJKW", grant, USCC).json().path("accessId").asString());
        }
        return ids;
    }

    private JsonNode verification(String query) {
        var response = exchange.api().get("/api/v1/exchange/access-log/verification" + query)
                .token(People.auditor()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private MongoCollection<Document> log() {
        return mongo.getCollection("access_log");
    }

    @Test
    void theChainVerifiesAndAnEntryAlteredInTheDatabaseFailsAtThatEntry() {
        List<String> ids = accesses(6);
        JsonNode clean = verification("");
        assertThat(clean.path("verified").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("entries").asLong()).isGreaterThanOrEqualTo(6);

        String altered = ids.get(2);
        int lane = Integer.parseInt(altered.substring(0, 2));
        long seq = Long.parseLong(altered.substring(3));
        log().updateOne(Filters.eq("_id", altered), Updates.set("recordCount", 0));
        try {
            JsonNode broken = verification("");
            assertThat(broken.path("verified").asBoolean()).isFalse();
            assertThat(broken.path("firstBroken").path("entryId").asString()).isEqualTo(altered);
            assertThat(broken.path("firstBroken").path("problem").asString()).isEqualTo("HASH_MISMATCH");
            JsonNode range = verification("?lane=" + lane + "&from=" + seq + "&to=" + seq);
            assertThat(range.path("firstBroken").path("entryId").asString()).isEqualTo(altered);
            // a range before the altered entry still verifies
            if (seq > 1) {
                assertThat(verification("?lane=" + lane + "&from=1&to=" + (seq - 1)).path("verified").asBoolean())
                        .isTrue();
            }
        } finally {
            log().updateOne(Filters.eq("_id", altered), Updates.set("recordCount", 1));
        }
        assertThat(verification("").path("verified").asBoolean()).isTrue();
        // only auditors verify
        assertThat(exchange.api().get("/api/v1/exchange/access-log/verification").token(People.steward("RSJ"))
                .send().status()).isEqualTo(403);
    }

    @Test
    void aTailCutOffAfterASignedHeadIsDetectedAlsoWhenTheStoredHeadIsGone() {
        accesses(4);
        JsonNode head = exchange.api().post("/api/v1/exchange/access-log/checkpoints").token(People.auditor())
                .send().json();
        JsonNode last = null;
        for (JsonNode h : head.path("heads")) {
            if (last == null || h.path("seq").asLong() > last.path("seq").asLong()) {
                last = h;
            }
        }
        int lane = last.path("lane").asInt();
        long seq = last.path("seq").asLong();
        String tail = String.format("%02d:%012d", lane, seq);
        Document removed = log().find(Filters.eq("_id", tail)).first();
        List<Document> checkpoints = mongo.getCollection("access_log_checkpoints").find().into(new ArrayList<>());
        log().deleteOne(Filters.eq("_id", tail));
        try {
            JsonNode truncated = verification("");
            assertThat(truncated.path("verified").asBoolean()).isFalse();
            assertThat(truncated.path("firstBroken").path("problem").asString()).isEqualTo("TRUNCATED");
            assertThat(truncated.path("firstBroken").path("entryId").asString()).isEqualTo(tail);

            // the attacker removes the stored heads too: the log alone looks whole ...
            mongo.getCollection("access_log_checkpoints").deleteMany(new Document());
            assertThat(verification("").path("verified").asBoolean()).isTrue();
            // ... but the head as published on the topic still tells
            JsonNode published;
            try (TopicReader reader = TopicReader.fromBeginning("data-exchange.checkpoint.events.v1")) {
                published = reader.awaitEvents(head.path("checkpointId").asString(), 1, Duration.ofSeconds(20))
                        .get(0).path("data");
            }
            var against = exchange.api().post("/api/v1/exchange/access-log/verification").token(People.auditor())
                    .json(published).send();
            assertThat(against.status()).as(against.toString()).isEqualTo(200);
            assertThat(against.json().path("firstBroken").path("problem").asString()).isEqualTo("TRUNCATED");
            assertThat(against.json().path("firstBroken").path("lane").asInt()).isEqualTo(lane);

            // a head not signed by the service's key proves nothing
            ObjectNode forged = (ObjectNode) published.deepCopy();
            ((ObjectNode) forged.path("heads").get(0)).put("hash", "f".repeat(64));
            JsonNode refused = exchange.api().post("/api/v1/exchange/access-log/verification")
                    .token(People.auditor()).json(forged).send().json();
            assertThat(refused.path("verified").asBoolean()).isFalse();
            assertThat(refused.path("firstBroken").path("problem").asString())
                    .isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
        } finally {
            log().insertOne(removed);
            if (mongo.getCollection("access_log_checkpoints").countDocuments() == 0 && !checkpoints.isEmpty()) {
                mongo.getCollection("access_log_checkpoints").insertMany(checkpoints);
            }
        }
        assertThat(verification("").path("verified").asBoolean()).isTrue();
        JsonNode key = exchange.api().get("/api/v1/exchange/access-log/key").token(People.auditor()).send().json();
        assertThat(key.path("kid").asString()).isEqualTo(head.path("kid").asString());
        assertThat(key.path("crv").asString()).isEqualTo("P-256");
        assertThat(key.path("alg").asString()).isEqualTo("ES256");
    }
}
