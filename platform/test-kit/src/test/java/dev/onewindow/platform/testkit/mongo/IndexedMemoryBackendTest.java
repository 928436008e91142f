package dev.onewindow.platform.testkit.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexed stand-in must answer every query exactly as mongo-java-server's plain memory backend does: the same
 * random documents, updates and deletes go to both servers, through the real driver, and every query's result
 * (documents and order) is compared.
 */
class IndexedMemoryBackendTest {

    private static MongoServer plainServer;
    private static MongoServer indexedServer;
    private static MongoClient plainClient;
    private static MongoClient indexedClient;

    @BeforeAll
    static void start() {
        plainServer = new MongoServer(new MemoryBackend());
        indexedServer = new MongoServer(new IndexedMemoryBackend());
        plainClient = MongoClients.create("mongodb://" + hostAndPort(plainServer));
        indexedClient = MongoClients.create("mongodb://" + hostAndPort(indexedServer));
    }

    @AfterAll
    static void stop() {
        plainClient.close();
        indexedClient.close();
        plainServer.shutdownNow();
        indexedServer.shutdownNow();
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void everyQueryAnswersAsThePlainBackendDoes() {
        List<MongoCollection<Document>> both = both("cases");
        for (MongoCollection<Document> collection : both) {
            collection.createIndex(Indexes.ascending("caseNo"), new IndexOptions().unique(true));
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("refs"), Indexes.descending("at")));
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("dept"), Indexes.ascending("status")));
            collection.createIndex(Indexes.ascending("outbox.eventId"),
                    new IndexOptions().partialFilterExpression(Filters.exists("outbox.eventId")));
        }
        Random random = new Random(42);
        for (int i = 0; i < 600; i++) {
            Document document = randomCase(i, random);
            both.forEach(c -> c.insertOne(new Document(document)));
        }
        List<Bson> queries = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String id = "case-" + random.nextInt(650);
            long version = random.nextInt(3);
            String ref = "ref-" + random.nextInt(60);
            String dept = "D" + random.nextInt(5);
            queries.add(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)));
            queries.add(Filters.eq("_id", id));
            queries.add(Filters.in("refs", ref, "ref-" + random.nextInt(60)));
            queries.add(Filters.eq("refs", ref));
            queries.add(Filters.all("refs", ref, "ref-" + random.nextInt(60)));
            queries.add(Filters.and(Filters.all("refs", ref), Filters.regex("dept", "^D[12]")));
            queries.add(Filters.and(Filters.eq("dept", dept), Filters.in("status", "ACCEPTED", "IN_REVIEW")));
            queries.add(Filters.and(Filters.eq("dept", dept), Filters.gt("version", 1L)));
            queries.add(Filters.eq("version", 1)); // an int matches stored longs
            queries.add(Filters.eq("dept", null));
            queries.add(Filters.exists("outbox.eventId"));
            queries.add(Filters.and(Filters.eq("caseNo", "N" + random.nextInt(650)), Filters.eq("dept", dept)));
        }
        for (int round = 0; round < 5; round++) {
            assertSameAnswers(both, queries);
            // versioned saves, $pull of outbox entries, moves between departments, deletes
            for (int i = 0; i < 150; i++) {
                String id = "case-" + random.nextInt(600);
                Bson change = switch (random.nextInt(4)) {
                    case 0 -> Updates.combine(Updates.inc("version", 1L),
                            Updates.set("status", random.nextBoolean() ? "ACCEPTED" : "COMPLETED"));
                    case 1 -> Updates.pullByFilter(new Document("outbox", new Document("eventId", "e-" + id)));
                    case 2 -> Updates.set("dept", random.nextInt(6) == 0 ? null : "D" + random.nextInt(5));
                    default -> Updates.set("refs", List.of("ref-" + random.nextInt(60)));
                };
                Bson filter = random.nextBoolean() ? Filters.eq("_id", id)
                        : Filters.and(Filters.eq("_id", id), Filters.eq("version", (long) random.nextInt(3)));
                List<Long> counts = both.stream().map(c -> {
                    UpdateResult result = c.updateOne(filter, change);
                    return result.getMatchedCount() * 10 + result.getModifiedCount();
                }).toList();
                assertThat(counts.get(1)).as("update %s %s", filter, change).isEqualTo(counts.get(0));
            }
            for (int i = 0; i < 20; i++) {
                Bson filter = Filters.eq("refs", "ref-" + random.nextInt(60));
                List<Long> deleted = both.stream().map(c -> c.deleteOne(filter).getDeletedCount()).toList();
                assertThat(deleted.get(1)).isEqualTo(deleted.get(0));
            }
            for (int i = 0; i < 30; i++) {
                Document document = randomCase(600 + round * 30 + i, random);
                both.forEach(c -> c.insertOne(new Document(document)));
            }
        }
        assertSameAnswers(both, queries);
    }

    @Test
    void everyRangeAnswersAsThePlainBackendDoes() {
        List<MongoCollection<Document>> both = both("ranges");
        for (MongoCollection<Document> collection : both) {
            collection.createIndex(Indexes.ascending("nextFireAt"), new IndexOptions().sparse(true));
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("score"), Indexes.descending("at")));
            collection.createIndex(Indexes.ascending("refs"));
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("dept"), Indexes.ascending("status")));
        }
        Random random = new Random(7);
        for (int i = 0; i < 800; i++) {
            Document document = randomRanged(i, random);
            both.forEach(c -> c.insertOne(new Document(document)));
        }
        long base = 1_700_000_000_000L;
        List<Bson> queries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Date at = new Date(base + random.nextInt(1_000_000) * 1000L);
            Date later = new Date(at.getTime() + random.nextInt(400_000) * 1000L);
            int n = random.nextInt(100) - 10;
            queries.add(Filters.lte("nextFireAt", at));
            queries.add(Filters.lt("nextFireAt", at));
            queries.add(Filters.gt("nextFireAt", at));
            queries.add(Filters.gte("nextFireAt", at));
            queries.add(Filters.and(Filters.gte("nextFireAt", at), Filters.lt("nextFireAt", later)));
            queries.add(new Document("nextFireAt", new Document("$gt", at).append("$lte", later)));
            queries.add(new Document("nextFireAt", new Document("$gt", later).append("$lt", at))); // empty
            queries.add(Filters.and(Filters.lte("nextFireAt", at), Filters.eq("dept", "D" + random.nextInt(5))));
            queries.add(Filters.lt("score", n));
            queries.add(Filters.gte("score", n + 0.5));
            queries.add(new Document("score", new Document("$gt", n).append("$lte", n + 20.0)));
            queries.add(new Document("score", new Document("$gte", n).append("$lt", n + 30).append("$ne", n + 3)));
            queries.add(Filters.gt("score", "m")); // a string bound: only strings compare
            queries.add(new Document("refs", new Document("$gt", "ref-" + random.nextInt(60))
                    .append("$lt", "ref-" + random.nextInt(60)))); // multikey
            queries.add(Filters.gte("dept", "D" + random.nextInt(5)));
        }
        for (int round = 0; round < 4; round++) {
            assertSameAnswers(both, queries);
            assertSameSortedAnswers(both, queries);
            for (int i = 0; i < 200; i++) {
                String id = "r-" + random.nextInt(800);
                Bson change = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(4) == 0 ? Updates.unset("nextFireAt")
                            : Updates.set("nextFireAt", new Date(base + random.nextInt(1_000_000) * 1000L));
                    case 1 -> Updates.set("score", randomScore(random));
                    case 2 -> Updates.set("refs", List.of("ref-" + random.nextInt(60), "ref-" + random.nextInt(60)));
                    default -> Updates.set("dept", random.nextInt(6) == 0 ? null : "D" + random.nextInt(5));
                };
                both.forEach(c -> c.updateOne(Filters.eq("_id", id), change));
            }
            for (int i = 0; i < 30; i++) {
                Bson filter = Filters.lt("nextFireAt", new Date(base + random.nextInt(1_000_000) * 1000L));
                List<Long> deleted = both.stream().map(c -> c.deleteOne(filter).getDeletedCount()).toList();
                assertThat(deleted.get(1)).isEqualTo(deleted.get(0));
            }
        }
        assertSameAnswers(both, queries);
        assertSameSortedAnswers(both, queries);
    }

    @Test
    void aRangeLooksOnlyAtTheValuesWithinIt() {
        SecondaryIndex index = new SecondaryIndex("nextFireAt_1",
                List.of(new de.bwaldvogel.mongo.backend.IndexKey("nextFireAt", true)), true);
        java.time.Instant base = java.time.Instant.parse("2026-03-02T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", i);
            if (i % 10 != 0) { // sparse: some matters have nothing to fire
                document.put("nextFireAt", base.plusSeconds(i));
            }
            index.add(document, i, null);
        }
        de.bwaldvogel.mongo.bson.Document due = new de.bwaldvogel.mongo.bson.Document("nextFireAt",
                new de.bwaldvogel.mongo.bson.Document("$lte", base.plusSeconds(99)));
        assertThat(index.canHandle(due)).isTrue();
        assertThat(index.candidates(due)).hasSize(90).allMatch(position -> position < 100 && position % 10 != 0);
        de.bwaldvogel.mongo.bson.Document window = new de.bwaldvogel.mongo.bson.Document("nextFireAt",
                new de.bwaldvogel.mongo.bson.Document("$gt", base.plusSeconds(5_000))
                        .append("$lt", base.plusSeconds(5_010)));
        assertThat(index.candidates(window)).containsExactlyInAnyOrder(5_001, 5_002, 5_003, 5_004, 5_005, 5_006,
                5_007, 5_008, 5_009);
        index.remove(new de.bwaldvogel.mongo.bson.Document("_id", 5_005));
        assertThat(index.candidates(window)).hasSize(8).doesNotContain(5_005);
    }

    @Test
    void aVersionedSaveOfAStaleCopyMatchesNothing() {
        List<MongoCollection<Document>> both = both("locking");
        for (MongoCollection<Document> collection : both) {
            collection.insertOne(new Document("_id", "a").append("version", 3L).append("status", "SUBMITTED"));
            UpdateResult stale = collection.replaceOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2L)),
                    new Document("version", 3L).append("status", "ACCEPTED"));
            UpdateResult current = collection.replaceOne(
                    Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 3L)),
                    new Document("version", 4L).append("status", "ACCEPTED"));
            assertThat(stale.getMatchedCount()).isZero();
            assertThat(current.getModifiedCount()).isOne();
            assertThat(collection.find(Filters.eq("_id", "a")).first()).containsEntry("version", 4L);
        }
    }

    @Test
    void uniqueIndexesStillRefuseDuplicates() {
        MongoCollection<Document> collection = indexedClient.getDatabase("test").getCollection("unique");
        collection.createIndex(Indexes.ascending("caseNo"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("dept"));
        collection.insertOne(new Document("_id", 1).append("caseNo", "N1").append("dept", "D1"));
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", 2).append("caseNo", "N1")))
                .isInstanceOf(MongoWriteException.class);
        collection.deleteOne(Filters.eq("dept", "D1"));
        collection.insertOne(new Document("_id", 2).append("caseNo", "N1").append("dept", "D2"));
        assertThat(collection.find(Filters.eq("dept", "D1")).first()).isNull();
        assertThat(collection.find(Filters.eq("dept", "D2")).first()).containsEntry("_id", 2);
    }

    private static void assertSameAnswers(List<MongoCollection<Document>> both, List<Bson> queries) {
        for (Bson query : queries) {
            List<Document> plain = both.get(0).find(query).sort(Sorts.descending("at")).into(new ArrayList<>());
            List<Document> indexed = both.get(1).find(query).sort(Sorts.descending("at")).into(new ArrayList<>());
            assertThat(indexed).as("query %s", query).isEqualTo(plain);
            List<Document> plainNatural = both.get(0).find(query).limit(7).into(new ArrayList<>());
            List<Document> indexedNatural = both.get(1).find(query).limit(7).into(new ArrayList<>());
            assertThat(indexedNatural).as("natural order of %s", query).isEqualTo(plainNatural);
            assertThat(both.get(1).countDocuments(query)).as("count %s", query)
                    .isEqualTo(both.get(0).countDocuments(query));
        }
    }

    /** The sweep's shape: a range, sorted on the range's field, with a limit. */
    private static void assertSameSortedAnswers(List<MongoCollection<Document>> both, List<Bson> queries) {
        for (Bson query : queries) {
            for (String field : List.of("nextFireAt", "score")) {
                List<Document> plain = both.get(0).find(query).sort(Sorts.ascending(field, "_id")).limit(25)
                        .into(new ArrayList<>());
                List<Document> indexed = both.get(1).find(query).sort(Sorts.ascending(field, "_id")).limit(25)
                        .into(new ArrayList<>());
                assertThat(indexed).as("query %s sorted by %s", query, field).isEqualTo(plain);
            }
        }
    }

    private static Document randomRanged(int i, Random random) {
        Document document = new Document("_id", "r-" + i)
                .append("at", new Date(1_700_000_000_000L + random.nextInt(1_000_000) * 1000L))
                .append("status", List.of("OPEN", "CLOSED").get(random.nextInt(2)));
        if (random.nextInt(5) != 0) { // sparse: a matter with nothing to fire has no instant
            document.append("nextFireAt", random.nextInt(25) == 0 ? null
                    : new Date(1_700_000_000_000L + random.nextInt(1_000_000) * 1000L));
        }
        if (random.nextInt(8) != 0) {
            document.append("score", randomScore(random));
        }
        if (random.nextInt(8) != 0) {
            document.append("dept", random.nextInt(10) == 0 ? null : "D" + random.nextInt(5));
        }
        List<String> refs = new ArrayList<>();
        for (int r = random.nextInt(4); r > 0; r--) {
            refs.add("ref-" + random.nextInt(60));
        }
        return document.append("refs", refs);
    }

    /** Ints, longs and doubles (compared as numbers), and now and then a string, a null, an array or a document. */
    private static Object randomScore(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "s" + (char) ('a' + random.nextInt(26));
            case 1 -> null;
            case 2 -> List.of(random.nextInt(100) - 10, random.nextInt(100) - 10);
            case 3 -> new Document("v", random.nextInt(100));
            case 4, 5 -> (long) (random.nextInt(100) - 10);
            case 6, 7 -> random.nextInt(100) - 10 + 0.5;
            default -> random.nextInt(100) - 10;
        };
    }

    private List<MongoCollection<Document>> both(String name) {
        return List.of(plainClient.getDatabase("test").getCollection(name),
                indexedClient.getDatabase("test").getCollection(name));
    }

    private static Document randomCase(int i, Random random) {
        String id = "case-" + i;
        Document document = new Document("_id", id).append("caseNo", "N" + i).append("version", (long) random.nextInt(3))
                .append("status", List.of("SUBMITTED", "ACCEPTED", "IN_REVIEW", "COMPLETED").get(random.nextInt(4)))
                .append("at", new Date(1_700_000_000_000L + random.nextInt(1_000_000) * 1000L));
        if (random.nextInt(8) != 0) { // some cases have no department at all
            document.append("dept", random.nextInt(10) == 0 ? null : "D" + random.nextInt(5));
        }
        int refs = random.nextInt(3);
        List<String> refList = new ArrayList<>();
        for (int r = 0; r < refs; r++) {
            refList.add("ref-" + random.nextInt(60));
        }
        document.append("refs", refList);
        if (random.nextBoolean()) {
            document.append("outbox", List.of(new Document("eventId", "e-" + id).append("sequence", 1L)));
        } else if (random.nextBoolean()) {
            document.append("outbox", List.of());
        }
        return document;
    }
}
