package dev.onewindow.dataexchange.accesslog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.onewindow.dataexchange.accesslog.Verification.Broken;
import dev.onewindow.dataexchange.accesslog.Verification.LaneResult;
import dev.onewindow.dataexchange.accesslog.Verification.Problem;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Recomputes the links of the log: each entry's hash from its stored content and the previous entry's hash, sequence
 * numbers without a gap, and each lane's end against a signed head. The whole log is read in one pass in the order
 * the database returns it (lanes append in sequence order, so that is nearly always sequence order per lane; an entry
 * that comes early waits in a small per-lane buffer until its turn); a range of one lane is read through its
 * {@code _id} range in order. Raw documents, large batches.
 */
final class ChainVerifier {

    private static final int BATCH = 10_000;
    private static final int CHUNK = 1_000;
    private static final Bson FIELDS = Projections.exclude("outbox", "_class", "version", "eventSequence");

    private final MongoCollection<Document> entries;

    ChainVerifier(MongoCollection<Document> entries) {
        this.entries = entries;
    }

    /** Every lane to its end, in one pass; each lane's end compared with its head in {@code heads} (if any). */
    List<LaneResult> verifyAll(int lanes, Map<Integer, Checkpoint.Head> heads) {
        int count = Math.max(lanes, heads.keySet().stream().mapToInt(l -> l + 1).max().orElse(0));
        List<LaneCheck> checks = new ArrayList<>();
        for (int lane = 0; lane < count; lane++) {
            checks.add(new LaneCheck(lane, 1, ChainHash.GENESIS));
        }
        // the cursor reads and decodes, a second thread hashes and links: the two halves of the work overlap
        java.util.concurrent.BlockingQueue<List<Document>> chunks = new java.util.concurrent.ArrayBlockingQueue<>(16);
        List<Document> end = List.of();
        java.util.concurrent.ExecutorService linker = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "access-log-verifier"));
        java.util.concurrent.CompletableFuture<Void> linking = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                for (List<Document> chunk = chunks.take(); chunk != end; chunk = chunks.take()) {
                    for (Document d : chunk) {
                        int lane = intOf(d, "lane");
                        if (lane >= 0 && lane < count) { // an entry of no lane of this log: nothing links to it
                            checks.get(lane).offer(d);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            }
        }, linker);
        try (MongoCursor<Document> cursor = entries.find().batchSize(BATCH).iterator()) {
            List<Document> chunk = new ArrayList<>(CHUNK);
            while (cursor.hasNext()) {
                chunk.add(cursor.next());
                if (chunk.size() == CHUNK) {
                    put(chunks, chunk, linking);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            put(chunks, chunk, linking);
            put(chunks, end, linking);
            linking.join();
        } finally {
            linker.shutdownNow();
        }
        List<LaneResult> results = new ArrayList<>();
        for (LaneCheck check : checks) {
            results.add(check.finish(heads.get(check.lane), this));
        }
        return results;
    }

    private static void put(java.util.concurrent.BlockingQueue<List<Document>> chunks, List<Document> chunk,
            java.util.concurrent.CompletableFuture<Void> linking) {
        try {
            while (!chunks.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (linking.isDone()) {
                    linking.join(); // rethrows what stopped it
                    throw new IllegalStateException("the linking thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        }
    }

    /** Entries {@code from..to} of {@code lane} ({@code to} 0 = to the end, then compared with {@code head}). */
    LaneResult verify(int lane, long from, long to, Checkpoint.Head head) {
        long start = Math.max(1, from);
        String prevHash = ChainHash.GENESIS;
        if (start > 1) {
            Document anchor = entries.find(Filters.eq("_id", AccessLogEntry.id(lane, start - 1))).first();
            if (anchor == null) {
                return new LaneResult(lane, start, start - 1, null, 0, new Broken(lane, start - 1,
                        AccessLogEntry.id(lane, start - 1), Problem.MISSING_ENTRY,
                        "the entry before the range is missing"));
            }
            prevHash = anchor.getString("hash");
        }
        Bson filter = Filters.and(Filters.gte("_id", AccessLogEntry.id(lane, start)), to > 0
                ? Filters.lte("_id", AccessLogEntry.id(lane, to)) : Filters.lt("_id", AccessLogEntry.id(lane + 1, 0)));
        LaneCheck check = new LaneCheck(lane, start, prevHash);
        try (MongoCursor<Document> cursor = entries.find(filter).sort(Sorts.ascending("_id")).projection(FIELDS)
                .batchSize(BATCH).iterator()) {
            while (cursor.hasNext() && check.broken == null) {
                check.offer(cursor.next());
            }
        }
        return check.finish(to > 0 ? null : head, this);
    }

    String hashAt(int lane, long seq) {
        Document d = entries.find(Filters.eq("_id", AccessLogEntry.id(lane, seq)))
                .projection(Projections.include("hash")).first();
        return d == null ? null : d.getString("hash");
    }

    /** One lane's walk: takes entries in any order, checks them in sequence order. */
    private static final class LaneCheck {
        final int lane;
        final long from;
        final MessageDigest digest = ChainHash.sha256();
        final TreeMap<Long, Document> early = new TreeMap<>();
        long expected;
        String prevHash;
        long count;
        Broken broken;

        LaneCheck(int lane, long from, String prevHash) {
            this.lane = lane;
            this.from = from;
            this.expected = from;
            this.prevHash = prevHash;
        }

        void offer(Document d) {
            if (broken != null) {
                return;
            }
            long seq = longOf(d, "seq");
            if (seq < expected) {
                broken = new Broken(lane, seq, d.getString("_id"), Problem.LINK_BROKEN,
                        "a second entry claims sequence " + seq);
                return;
            }
            if (seq > expected) {
                early.put(seq, d);
                return;
            }
            check(d);
            while (broken == null && !early.isEmpty() && early.firstKey() == expected) {
                check(early.pollFirstEntry().getValue());
            }
        }

        private void check(Document d) {
            long seq = longOf(d, "seq");
            String id = d.getString("_id");
            if (!AccessLogEntry.id(lane, seq).equals(id)) {
                broken = new Broken(lane, seq, id, Problem.HASH_MISMATCH, "the entry's id does not name its place");
                return;
            }
            String stored = d.getString("hash");
            if (!hashOrNull(digest, lane, seq, d).equals(stored)) {
                broken = new Broken(lane, seq, id, Problem.HASH_MISMATCH,
                        "the entry's content does not give its stored hash");
                return;
            }
            if (!prevHash.equals(d.getString("prevHash"))) {
                broken = new Broken(lane, seq, id, Problem.LINK_BROKEN,
                        "the entry does not link to the hash of the entry before it");
                return;
            }
            prevHash = stored;
            expected = seq + 1;
            count++;
        }

        LaneResult finish(Checkpoint.Head head, ChainVerifier verifier) {
            if (broken == null && !early.isEmpty()) {
                broken = new Broken(lane, expected, AccessLogEntry.id(lane, expected), Problem.MISSING_ENTRY,
                        "the lane goes on at " + early.firstKey() + " without it");
            }
            long last = expected - 1;
            if (broken == null && head != null) {
                if (last < head.seq()) {
                    broken = new Broken(lane, last + 1, AccessLogEntry.id(lane, last + 1), Problem.TRUNCATED,
                            "the signed head names sequence " + head.seq() + "; the lane ends at " + last);
                } else if (head.seq() > 0) {
                    String atHead = head.seq() == last ? prevHash : verifier.hashAt(lane, head.seq());
                    if (!head.hash().equals(atHead)) {
                        broken = new Broken(lane, head.seq(), AccessLogEntry.id(lane, head.seq()),
                                Problem.CHECKPOINT_MISMATCH, "the entry's hash differs from the signed head's");
                    }
                }
            }
            return new LaneResult(lane, from, last, last >= from ? prevHash : null, count, broken);
        }
    }

    /** The entry's hash from its content, or "" when a member has a type no appended entry has (altered). */
    private static String hashOrNull(MessageDigest digest, int lane, long seq, Document d) {
        try {
            return hash(digest, lane, seq, d);
        } catch (ClassCastException altered) {
            return "";
        }
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

    private static long longOf(Document d, String key) {
        Object v = d.get(key);
        return v instanceof Number n ? n.longValue() : -1;
    }
}
