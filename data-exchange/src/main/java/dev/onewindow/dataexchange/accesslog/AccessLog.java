package dev.onewindow.dataexchange.accesslog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.onewindow.dataexchange.config.DataExchangeProperties;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends accesses to the log. The log is {@code lanes} independent hash chains: an append takes whichever lane is
 * free (trying them from a random start), so concurrent accesses do not queue on one chain head, and each lane is
 * verified on its own. Within this instance a lane's head (sequence and hash) is kept in memory under the lane's
 * lock, so an append is one insert. Another instance appending to the same lane is detected by the unique entry id
 * ({@code LL:SSSSSSSSSSSS}): the insert fails, the lane catches up from the stored entries and links after them.
 * An append that cannot be stored fails the access: nothing is answered that is not logged. Appends that meet on a
 * lane are stored together (group commit).
 */
@Component
public class AccessLog {

    static final String COLLECTION = "access_log";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Lane[] lanes;

    AccessLog(MongoTemplate mongo, DataExchangeProperties properties, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.lanes = new Lane[properties.accessLog().lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
    }

    /**
     * Appends the access and answers the stored entry once it is stored. Group commit: the access joins a lane's
     * queue; whoever holds the lane's lock links everything queued to the lane's head and stores it in one insert, so
     * concurrent accesses on a lane cost one round trip together, and the lanes proceed independently.
     */
    public AccessLogEntry append(AccessLogEntry.Draft draft) {
        Pending mine = new Pending(draft);
        Lane lane = lanes[ThreadLocalRandom.current().nextInt(lanes.length)];
        lane.queue.add(mine);
        while (!mine.done()) {
            if (lane.lock.tryLock()) {
                try {
                    lane.drain(this);
                } finally {
                    lane.lock.unlock();
                }
            } else {
                mine.await();
            }
        }
        return mine.result();
    }

    /** Stores {@code batch} (linked in order); answers false when another writer took one of the places. */
    private boolean store(List<AccessLogEntry> batch) {
        try {
            mongo.insert(batch, AccessLogEntry.class);
            return true;
        } catch (DuplicateKeyException anotherWriter) {
            return false;
        } catch (org.springframework.dao.DataIntegrityViolationException anotherWriter) {
            return false;
        }
    }

    public int lanes() {
        return lanes.length;
    }

    /** The last stored entry of a lane (sequence and hash), or sequence 0 and the genesis hash. */
    Head tail(int lane) {
        Document last = entries().find(Filters.and(Filters.gte("_id", AccessLogEntry.id(lane, 0)),
                Filters.lt("_id", AccessLogEntry.id(lane + 1, 0)))).sort(Sorts.descending("_id"))
                .projection(new Document("seq", 1).append("hash", 1)).first();
        return last == null ? new Head(lane, 0, ChainHash.GENESIS)
                : new Head(lane, ((Number) last.get("seq")).longValue(), last.getString("hash"));
    }

    String storedHash(String id) {
        Document d = entries().find(Filters.eq("_id", id)).projection(new Document("hash", 1)).first();
        return d == null ? null : d.getString("hash");
    }

    MongoCollection<Document> entries() {
        return mongo.getCollection(COLLECTION);
    }

    /** A lane's head as stored: its last sequence number and hash. */
    record Head(int lane, long seq, String hash) {
    }

    /** An access waiting to be linked and stored. */
    private static final class Pending {
        final AccessLogEntry.Draft draft;
        final java.util.concurrent.CountDownLatch stored = new java.util.concurrent.CountDownLatch(1);
        volatile AccessLogEntry entry;
        volatile RuntimeException failure;

        Pending(AccessLogEntry.Draft draft) {
            this.draft = draft;
        }

        boolean done() {
            return stored.getCount() == 0;
        }

        void await() {
            try {
                stored.await(1, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new IllegalStateException("interrupted while the access was logged"));
            }
        }

        void complete(AccessLogEntry e) {
            entry = e;
            stored.countDown();
        }

        void fail(RuntimeException e) {
            failure = e;
            stored.countDown();
        }

        AccessLogEntry result() {
            if (failure != null) {
                throw failure;
            }
            return entry;
        }
    }

    private static final class Lane {
        static final int MAX_BATCH = 256;
        final int number;
        final ReentrantLock lock = new ReentrantLock();
        final java.util.concurrent.ConcurrentLinkedQueue<Pending> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final MessageDigest digest = ChainHash.sha256();
        boolean loaded;
        long seq;
        String hash;

        Lane(int number) {
            this.number = number;
        }

        void catchUp(AccessLog log) {
            Head head = log.tail(number);
            seq = head.seq();
            hash = head.hash();
            loaded = true;
        }

        /** Under the lock: links what is queued to the head and stores it; on a lost place, catches up and retries. */
        void drain(AccessLog log) {
            List<Pending> batch = new ArrayList<>();
            Pending next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                for (int attempt = 0; ; attempt++) {
                    if (!loaded) {
                        catchUp(log);
                    }
                    List<AccessLogEntry> entries = new ArrayList<>(batch.size());
                    long s = seq;
                    String h = hash;
                    for (Pending p : batch) {
                        AccessLogEntry e = AccessLogEntry.link(digest, number, ++s, h, p.draft, log.clock.instant());
                        entries.add(e);
                        h = e.hash();
                    }
                    if (log.store(entries)) {
                        seq = s;
                        hash = h;
                        for (int i = 0; i < batch.size(); i++) {
                            batch.get(i).complete(entries.get(i));
                        }
                        return;
                    }
                    // another writer took a place: what of ours was stored before it stays, the rest links anew
                    loaded = false;
                    catchUp(log);
                    List<Pending> rest = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        if (entries.get(i).hash().equals(log.storedHash(entries.get(i).id()))) {
                            batch.get(i).complete(entries.get(i));
                        } else {
                            rest.add(batch.get(i));
                        }
                    }
                    batch = rest;
                    if (batch.isEmpty()) {
                        return;
                    }
                    if (attempt > 100) {
                        throw new IllegalStateException("lane " + number + " stays contended");
                    }
                }
            } catch (RuntimeException e) {
                loaded = false; // read the head from the store again before the next append
                for (Pending p : batch) {
                    if (!p.done()) {
                        p.fail(e);
                    }
                }
            }
        }
    }
}
