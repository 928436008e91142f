package dev.onewindow.dataexchange.accesslog;

import java.security.MessageDigest;
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
 * An append that cannot be stored fails the access: nothing is answered that is not logged.
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

    /** Appends the access to a free lane and answers the stored entry. */
    public AccessLogEntry append(AccessLogEntry.Draft draft) {
        Lane lane = acquire();
        try {
            if (!lane.loaded) {
                lane.catchUp(this);
            }
            while (true) {
                AccessLogEntry entry = AccessLogEntry.link(lane.digest, lane.number, lane.seq + 1, lane.hash, draft,
                        clock.instant());
                try {
                    mongo.insert(entry);
                    lane.seq = entry.seq();
                    lane.hash = entry.hash();
                    return entry;
                } catch (DuplicateKeyException anotherWriter) {
                    lane.catchUp(this);
                }
            }
        } catch (RuntimeException e) {
            lane.loaded = false; // read the head from the store again before the next append
            throw e;
        } finally {
            lane.lock.unlock();
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

    MongoCollection<Document> entries() {
        return mongo.getCollection(COLLECTION);
    }

    /** A lane's head as stored: its last sequence number and hash. */
    record Head(int lane, long seq, String hash) {
    }

    private Lane acquire() {
        int start = ThreadLocalRandom.current().nextInt(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            Lane lane = lanes[(start + i) % lanes.length];
            if (lane.lock.tryLock()) {
                return lane;
            }
        }
        Lane lane = lanes[start];
        lane.lock.lock();
        return lane;
    }

    private static final class Lane {
        final int number;
        final ReentrantLock lock = new ReentrantLock();
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
    }
}
