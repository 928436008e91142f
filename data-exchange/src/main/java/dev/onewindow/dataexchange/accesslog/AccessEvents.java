package dev.onewindow.dataexchange.accesslog;

import java.time.Instant;
import java.util.List;

/**
 * The data of the access log's events: {@code data.accessed} (topic {@code data-exchange.access.events.v1}, key = the
 * entry's id) and {@code access-log.sealed} (topic {@code data-exchange.checkpoint.events.v1}, key = checkpoint id).
 * An access names the query's fields, never their values, nor the purpose's text (the grant holds it); the result
 * only by its hash.
 */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** One access through data-exchange, as appended to the hash-chained log. */
    public record Accessed(String accessId, int lane, long seq, String hash, String consumerDepartment,
            String consumerClient, String grantId, String resourceCode, String providerDepartment,
            List<String> criteria, Outcome outcome, String code, int recordCount, String resultHash,
            Instant accessedAt) {
    }

    /** The signed heads of every lane at one instant: a later log shorter than this is truncated. */
    public record Sealed(String checkpointId, Instant sealedAt, List<Checkpoint.Head> heads, String kid,
            String algorithm, String signature) {
    }
}
