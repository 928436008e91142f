package dev.onewindow.supervision.support;

import java.time.Duration;
import java.util.List;

import dev.onewindow.platform.testkit.Eventually;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.watch.Watched;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for the watch to apply events, and reading what it raised, straight from the database. */
public final class Watching {

    private final MongoTemplate mongo;

    public Watching(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Waits until the matter's projection has applied the event of {@code sequence}. */
    public Watched applied(Source source, String subjectId, long sequence) {
        Eventually.holds(Duration.ofSeconds(30), () -> {
            Watched matter = mongo.findById(Watched.idOf(source, subjectId), Watched.class);
            assertThat(matter).as(source + " " + subjectId + " watched").isNotNull();
            assertThat(matter.appliedSequence()).isGreaterThanOrEqualTo(sequence);
        });
        return mongo.findById(Watched.idOf(source, subjectId), Watched.class);
    }

    /** The alerts of a matter, as stored: {@code kind level status} each, oldest first. */
    public List<String> alerts(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)), org.bson.Document.class, "alerts")
                .stream().sorted(java.util.Comparator.comparing(d -> d.getDate("raisedAt")))
                .map(d -> d.getString("kind") + " " + d.getString("status")).toList();
    }

    /** The supervision orders about a matter: {@code severity status} each. */
    public List<org.bson.Document> orders(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)), org.bson.Document.class, "orders");
    }
}
