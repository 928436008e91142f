package dev.onewindow.platform.observability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness by a plain {@code ping} with a short deadline. Boot's own Mongo indicator sends {@code hello}, which the
 * wire-protocol stand-in does not implement, and it blocks for the driver's 30 s server-selection timeout when Mongo
 * is down — far too long for a readiness probe.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final Duration timeout;

    public MongoPingHealthIndicator(MongoTemplate mongo, Duration timeout) {
        super("MongoDB ping failed");
        this.mongo = mongo;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try {
            CompletableFuture.supplyAsync(() -> mongo.executeCommand(new Document("ping", 1)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.up().withDetail("database", mongo.getDb().getName());
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "no answer to ping within " + timeout.toMillis() + " ms");
        }
    }
}
