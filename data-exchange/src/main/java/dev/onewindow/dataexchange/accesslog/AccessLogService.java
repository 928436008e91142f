package dev.onewindow.dataexchange.accesslog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.onewindow.dataexchange.accesslog.Verification.Broken;
import dev.onewindow.dataexchange.accesslog.Verification.LaneResult;
import dev.onewindow.dataexchange.accesslog.Verification.Problem;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * The auditors' side of the access log: signing the lanes' heads at intervals (a checkpoint, published as
 * {@code access-log.sealed}), and verifying the whole log or a range of one lane — against the latest stored
 * checkpoint, or one the auditor kept from what was published. Each lane is verified on its own, the whole log in one
 * pass.
 */
@Service
public class AccessLogService {

    private final AccessLog log;
    private final CheckpointRepository checkpoints;
    private final HeadSigner signer;
    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile List<Checkpoint.Head> lastSealed = List.of();

    AccessLogService(AccessLog log, CheckpointRepository checkpoints, HeadSigner signer, MongoTemplate mongo,
            Clock clock) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Signs every lane's stored head now, unless nothing was appended since the last checkpoint. */
    public Optional<Checkpoint> seal() {
        List<Checkpoint.Head> heads = new ArrayList<>();
        for (int lane = 0; lane < log.lanes(); lane++) {
            AccessLog.Head tail = log.tail(lane);
            heads.add(new Checkpoint.Head(lane, tail.seq(), tail.hash()));
        }
        if (heads.equals(lastSealed) || heads.stream().allMatch(h -> h.seq() == 0)) {
            return Optional.empty();
        }
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the database keeps it
        Checkpoint sealed = checkpoints.save(Checkpoint.seal(UUID.randomUUID().toString(), at, heads, signer));
        lastSealed = heads;
        return Optional.of(sealed);
    }

    public Optional<Checkpoint> latest() {
        return checkpoints.findFirstByOrderBySealedAtDesc();
    }

    /**
     * Verifies the log: every lane to its end, or one lane from {@code from} to {@code to} (0 = its end). A check that
     * runs to a lane's end compares it with {@code against} (a published checkpoint the auditor holds; its signature
     * checked first) or else with the latest stored checkpoint.
     */
    public Verification verify(Integer lane, long from, long to, Checkpoint against) {
        if (lane != null && (lane < 0 || lane >= log.lanes())) {
            throw DomainException.invalid("UNKNOWN_LANE", "the log has lanes 0.." + (log.lanes() - 1));
        }
        if (to > 0 && to < from) {
            throw DomainException.invalid("EMPTY_RANGE", "the range ends before it starts");
        }
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Checkpoint checkpoint = against != null ? against : latest().orElse(null);
        if (checkpoint != null && !signer.verify(Checkpoint.signedBytes(checkpoint.id(), checkpoint.sealedAt(),
                checkpoint.heads()), checkpoint.signature())) {
            Broken bad = new Broken(-1, 0, null, Problem.CHECKPOINT_SIGNATURE_INVALID,
                    "the checkpoint " + checkpoint.id() + " is not signed by this service's key " + signer.kid());
            return new Verification(false, 0, List.of(), bad, checkpoint, started, Duration.ofNanos(System.nanoTime()
                    - t0));
        }
        Map<Integer, Checkpoint.Head> heads = checkpoint == null ? Map.of()
                : checkpoint.heads().stream().collect(Collectors.toMap(Checkpoint.Head::lane, Function.identity(),
                        (a, b) -> a));
        ChainVerifier verifier = new ChainVerifier(log.entries());
        List<LaneResult> results = new ArrayList<>(lane == null ? verifier.verifyAll(log.lanes(), heads)
                : List.of(verifier.verify(lane, from, to, heads.get(lane))));
        results.sort(Comparator.comparingInt(LaneResult::lane));
        Broken first = results.stream().map(LaneResult::broken).filter(b -> b != null).findFirst().orElse(null);
        long entries = results.stream().mapToLong(LaneResult::entries).sum();
        return new Verification(first == null, entries, results, first, checkpoint, started,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Entries of one lane in sequence order, from {@code fromSeq}. */
    public Page<AccessLogEntry> entries(int lane, long fromSeq, PageRequest page) {
        if (lane < 0 || lane >= log.lanes()) {
            throw DomainException.invalid("UNKNOWN_LANE", "the log has lanes 0.." + (log.lanes() - 1));
        }
        Query query = new Query(Criteria.where("_id").gte(AccessLogEntry.id(lane, Math.max(1, fromSeq)))
                .lt(AccessLogEntry.id(lane + 1, 0))).with(org.springframework.data.domain.Sort.by("_id"));
        List<AccessLogEntry> found = mongo.find(Query.of(query).with(page), AccessLogEntry.class);
        return PageableExecutionUtils.getPage(found, page, () -> mongo.count(Query.of(query).limit(-1).skip(-1),
                AccessLogEntry.class));
    }

    public Map<String, Object> publicKey() {
        return signer.jwk();
    }

    /** A checkpoint as an auditor hands it back (from the published event or an earlier read). */
    public static Checkpoint published(String id, Instant sealedAt, List<Checkpoint.Head> heads, String kid,
            String signature) {
        return new Checkpoint(id, sealedAt, heads, kid, HeadSigner.ALGORITHM, signature);
    }
}
