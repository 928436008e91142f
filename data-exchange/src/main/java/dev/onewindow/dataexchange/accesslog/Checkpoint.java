package dev.onewindow.dataexchange.accesslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed head of the access log: every lane's last sequence number and hash at one instant, signed with the
 * service's head key and published as {@code access-log.sealed}. Whoever holds it can tell a log that was cut short
 * after it (a lane ending before the signed sequence) or rewritten before it (a different hash at that sequence).
 */
@Document("access_log_checkpoints")
public class Checkpoint extends AggregateRoot {

    @Id
    private final String id;
    @Indexed
    private final Instant sealedAt;
    private final List<Head> heads;
    private final String kid;
    private final String algorithm;
    private final String signature;

    /** One lane's head: its last sequence number and that entry's hash. */
    public record Head(int lane, long seq, String hash) {
    }

    @PersistenceCreator
    Checkpoint(String id, Instant sealedAt, List<Head> heads, String kid, String algorithm, String signature) {
        this.id = id;
        this.sealedAt = sealedAt;
        this.heads = List.copyOf(heads);
        this.kid = kid;
        this.algorithm = algorithm;
        this.signature = signature;
    }

    public static Checkpoint seal(String id, Instant at, List<Head> heads, HeadSigner signer) {
        String signature = signer.sign(signedBytes(id, at, heads));
        Checkpoint c = new Checkpoint(id, at, heads, signer.kid(), HeadSigner.ALGORITHM, signature);
        c.registerEvent("access-log.sealed", new AccessEvents.Sealed(id, at, c.heads, c.kid, c.algorithm,
                signature), at);
        return c;
    }

    /**
     * What is signed: {@code onewindow-data-exchange-checkpoint\n<id>\n<sealedAt>\n} and a line
     * {@code <lane>:<seq>:<hash>} per lane, in lane order, UTF-8.
     */
    public static byte[] signedBytes(String id, Instant sealedAt, List<Head> heads) {
        StringBuilder b = new StringBuilder("onewindow-data-exchange-checkpoint\n").append(id).append('\n')
                .append(sealedAt).append('\n');
        heads.stream().sorted(java.util.Comparator.comparingInt(Head::lane))
                .forEach(h -> b.append(h.lane()).append(':').append(h.seq()).append(':').append(h.hash())
                        .append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected String aggregateType() {
        return "checkpoint";
    }

    @Override
    protected String region() {
        return "000000";
    }

    public String id() { return id; }
    public Instant sealedAt() { return sealedAt; }
    public List<Head> heads() { return heads; }
    public String kid() { return kid; }
    public String algorithm() { return algorithm; }
    public String signature() { return signature; }
}
