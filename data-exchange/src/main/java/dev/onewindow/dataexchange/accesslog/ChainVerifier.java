package dev.onewindow.dataexchange.accesslog;

import java.security.MessageDigest;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.onewindow.dataexchange.accesslog.Verification.Broken;
import dev.onewindow.dataexchange.accesslog.Verification.LaneResult;
import dev.onewindow.dataexchange.accesslog.Verification.Problem;
import org.bson.Document;

/**
 * Walks one lane of the log in sequence order and recomputes every link: each entry's hash from its stored content
 * and the previous entry's hash, and that sequence numbers follow without a gap; then compares the lane's end with a
 * signed head. Reads raw documents in large batches through an {@code _id} range (the lane's prefix), one pass.
 */
final class ChainVerifier {

    private static final int BATCH = 5_000;

    private final MongoCollection<Document> entries;

    ChainVerifier(MongoCollection<Document> entries) {
        this.entries = entries;
    }

    /**
     * Verifies entries {@code from..to} of {@code lane} ({@code to} 0 = to the end), then the lane's end against
     * {@code head} when given (only for a check that runs to the end).
     */
    LaneResult verify(int lane, long from, long to, Checkpoint.Head head) {
        MessageDigest digest = ChainHash.sha256();
        long start = Math.max(1, from);
        String prevHash = ChainHash.GENESIS;
        if (start > 1) {
            Document anchor = entries.find(Filters.eq("_id", AccessLogEntry.id(lane, start - 1))).first();
            if (anchor == null) {
                return new LaneResult(lane, start, start - 1, null, 0, new Broken(lane, start - 1,
                        AccessLogEntry.id(lane, start - 1), Problem.MISSING_ENTRY, "the entry before the range is missing"));
            }
            prevHash = anchor.getString("hash");
        }
        String upper = to > 0 ? AccessLogEntry.id(lane, to) : AccessLogEntry.id(lane + 1, 0);
        var filter = to > 0 ? Filters.and(Filters.gte("_id", AccessLogEntry.id(lane, start)), Filters.lte("_id", upper))
                : Filters.and(Filters.gte("_id", AccessLogEntry.id(lane, start)), Filters.lt("_id", upper));
        long expected = start;
        long count = 0;
        String lastHash = prevHash;
        Broken broken = null;
        try (MongoCursor<Document> cursor = entries.find(filter).sort(Sorts.ascending("_id"))
                .projection(Projections.exclude("outbox", "_class", "version", "eventSequence")).batchSize(BATCH)
                .iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                long seq = ((Number) d.get("seq")).longValue();
                String id = d.getString("_id");
                if (seq != expected || !id.equals(AccessLogEntry.id(lane, seq)) || intOf(d, "lane") != lane) {
                    broken = new Broken(lane, expected, AccessLogEntry.id(lane, expected), Problem.MISSING_ENTRY,
                            "the next stored entry is " + id);
                    break;
                }
                String stored = d.getString("hash");
                String recomputed = hash(digest, lane, seq, d);
                if (!recomputed.equals(stored)) {
                    broken = new Broken(lane, seq, id, Problem.HASH_MISMATCH,
                            "the entry's content does not give its stored hash");
                    break;
                }
                if (!prevHash.equals(d.getString("prevHash"))) {
                    broken = new Broken(lane, seq, id, Problem.LINK_BROKEN,
                            "the entry does not link to the hash of the entry before it");
                    break;
                }
                prevHash = stored;
                lastHash = stored;
                expected = seq + 1;
                count++;
            }
        }
        long last = expected - 1;
        if (broken == null && head != null && to <= 0) {
            if (last < head.seq()) {
                broken = new Broken(lane, last + 1, AccessLogEntry.id(lane, last + 1), Problem.TRUNCATED,
                        "the signed head names sequence " + head.seq() + "; the lane ends at " + last);
            } else if (head.seq() > 0) {
                String atHead = head.seq() == last ? lastHash : hashAt(lane, head.seq());
                if (!head.hash().equals(atHead)) {
                    broken = new Broken(lane, head.seq(), AccessLogEntry.id(lane, head.seq()),
                            Problem.CHECKPOINT_MISMATCH, "the entry's hash differs from the signed head's");
                }
            }
        }
        return new LaneResult(lane, start, last, last >= start ? lastHash : null, count, broken);
    }

    private String hashAt(int lane, long seq) {
        Document d = entries.find(Filters.eq("_id", AccessLogEntry.id(lane, seq))).projection(
                Projections.include("hash")).first();
        return d == null ? null : d.getString("hash");
    }

    private static String hash(MessageDigest digest, int lane, long seq, Document d) {
        Object at = d.get("at");
        return ChainHash.of(digest, lane, seq, d.getString("prevHash"),
                at instanceof Date date ? date.toInstant() : null, d.getString("consumerDepartment"),
                d.getString("consumerClient"), d.getString("grantId"), d.getString("resourceCode"),
                d.getString("providerDepartment"), d.getString("purpose"), d.getList("criteria", String.class),
                d.getString("queryDigest"), outcome(d.getString("outcome")), d.getString("code"),
                intOf(d, "recordCount"), d.getString("resultHash"));
    }

    private static Outcome outcome(String name) {
        try {
            return name == null ? null : Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int intOf(Document d, String key) {
        Object v = d.get(key);
        return v instanceof Number n ? n.intValue() : -1;
    }
}
