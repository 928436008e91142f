package dev.onewindow.dataexchange.accesslog;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the append-only, hash-chained access log: who (consumer department and system), under which grant,
 * for which purpose, which query (its fields, and a keyed hash of the values — never the values), how it ended, how
 * many records and the hash of what was answered. It belongs to one lane (an independent chain) at one sequence
 * number; its id {@code LL:SSSSSSSSSSSS} is unique, so two writers can never both append the same link. It is
 * inserted once and never updated: only the platform relay removes the published {@code data.accessed} from its
 * outbox, which is not part of the hash.
 */
@Document("access_log")
public class AccessLogEntry extends AggregateRoot {

    @Id
    private final String id;
    private final int lane;
    private final long seq;
    private final String prevHash;
    private final String hash;
    private final Instant at;
    private final String consumerDepartment;
    private final String consumerClient;
    private final String grantId;
    private final String resourceCode;
    private final String providerDepartment;
    private final String purpose;
    private final List<String> criteria;
    private final String queryDigest;
    private final Outcome outcome;
    private final String code;
    private final int recordCount;
    private final String resultHash;
    private final String region;

    /** What an access is about, before it has a place in a chain. */
    public record Draft(String consumerDepartment, String consumerClient, String grantId, String resourceCode,
            String providerDepartment, String region, String purpose, List<String> criteria, String queryDigest,
            Outcome outcome, String code, int recordCount, String resultHash) {
    }

    @PersistenceCreator
    AccessLogEntry(String id, int lane, long seq, String prevHash, String hash, Instant at, String consumerDepartment,
            String consumerClient, String grantId, String resourceCode, String providerDepartment, String purpose,
            List<String> criteria, String queryDigest, Outcome outcome, String code, int recordCount,
            String resultHash, String region) {
        this.id = id;
        this.lane = lane;
        this.seq = seq;
        this.prevHash = prevHash;
        this.hash = hash;
        this.at = at;
        this.consumerDepartment = consumerDepartment;
        this.consumerClient = consumerClient;
        this.grantId = grantId;
        this.resourceCode = resourceCode;
        this.providerDepartment = providerDepartment;
        this.purpose = purpose;
        this.criteria = criteria == null ? List.of() : List.copyOf(criteria);
        this.queryDigest = queryDigest;
        this.outcome = outcome;
        this.code = code;
        this.recordCount = recordCount;
        this.resultHash = resultHash;
        this.region = region;
    }

    /** The entry at {@code seq} of {@code lane}, linked to {@code prevHash}, announcing itself as data.accessed. */
    public static AccessLogEntry link(MessageDigest digest, int lane, long seq, String prevHash, Draft d, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the database keeps it
        String hash = ChainHash.of(digest, lane, seq, prevHash, at, d.consumerDepartment(), d.consumerClient(),
                d.grantId(), d.resourceCode(), d.providerDepartment(), d.purpose(), d.criteria(), d.queryDigest(),
                d.outcome(), d.code(), d.recordCount(), d.resultHash());
        AccessLogEntry e = new AccessLogEntry(id(lane, seq), lane, seq, prevHash, hash, at, d.consumerDepartment(),
                d.consumerClient(), d.grantId(), d.resourceCode(), d.providerDepartment(), d.purpose(), d.criteria(),
                d.queryDigest(), d.outcome(), d.code(), d.recordCount(), d.resultHash(), d.region());
        e.registerEvent("data.accessed", new AccessEvents.Accessed(e.id, lane, seq, hash, d.consumerDepartment(),
                d.consumerClient(), d.grantId(), d.resourceCode(), d.providerDepartment(), e.criteria,
                d.outcome(), d.code(), d.recordCount(), d.resultHash(), at), at);
        return e;
    }

    /** {@code 03:000000000042}: sorts by lane, then by sequence. */
    public static String id(int lane, long seq) {
        return String.format("%02d:%012d", lane, seq);
    }

    @Override
    protected String aggregateType() {
        return "access";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public int lane() { return lane; }
    public long seq() { return seq; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }
    public Instant at() { return at; }
    public String consumerDepartment() { return consumerDepartment; }
    public String consumerClient() { return consumerClient; }
    public String grantId() { return grantId; }
    public String resourceCode() { return resourceCode; }
    public String providerDepartment() { return providerDepartment; }
    public String purpose() { return purpose; }
    public List<String> criteria() { return criteria; }
    public String queryDigest() { return queryDigest; }
    public Outcome outcome() { return outcome; }
    public String code() { return code; }
    public int recordCount() { return recordCount; }
    public String resultHash() { return resultHash; }
}
