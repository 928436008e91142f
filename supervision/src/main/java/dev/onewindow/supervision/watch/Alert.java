package dev.onewindow.supervision.watch;

import dev.onewindow.supervision.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.supervision.RegionScopes;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An alert (电子监察): a clock of a watched matter turned YELLOW or RED, or a flag was raised. Its id is derived from the
 * matter, the clock's phase and round and the kind, so raising it twice — a redelivered event, a replayed topic, two
 * sweeps — meets the stored alert (unique {@code _id}) and raises nothing.
 */
@Document("alerts")
@CompoundIndex(name = "region_list", def = "{'scopes': 1, 'raisedAt': -1}")
@CompoundIndex(name = "all_list", def = "{'raisedAt': -1}")
@CompoundIndex(name = "subject_list", def = "{'subjectId': 1, 'raisedAt': -1}")
public class Alert extends AggregateRoot {

    @Id
    private final String id;
    private final AlertKind kind;
    private final Source source;
    private final String subjectId;
    private final String subjectNo;
    private final String phase;
    private final int round;
    private final String region;
    private final List<String> scopes;
    private final String department;
    private final Instant dueAt;
    private final Instant raisedAt;
    private AlertStatus status;
    private Instant clearedAt;

    @PersistenceCreator
    Alert(String id, AlertKind kind, Source source, String subjectId, String subjectNo, String phase, int round,
            String region, List<String> scopes, String department, Instant dueAt, Instant raisedAt) {
        this.id = id;
        this.kind = kind;
        this.source = source;
        this.subjectId = subjectId;
        this.subjectNo = subjectNo;
        this.phase = phase;
        this.round = round;
        this.region = region;
        this.scopes = scopes;
        this.department = department;
        this.dueAt = dueAt;
        this.raisedAt = raisedAt;
    }

    /** The one id of the alert of {@code kind} on a matter's clock (phase, round); a flag has no phase. */
    public static String idOf(String watchedId, String phase, int round, AlertKind kind) {
        return UUID.nameUUIDFromBytes((watchedId + "|" + phase + "|" + round + "|" + kind)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Alert raise(Watched matter, String phase, int round, String department, AlertKind kind, Instant dueAt,
            Instant now) {
        Alert alert = new Alert(idOf(matter.id(), phase, round, kind), kind, matter.source(), matter.subjectId(),
                matter.subjectNo(), phase, round, matter.region(), RegionScopes.of(matter.region()),
                department != null ? department : matter.department(), dueAt, now);
        alert.status = AlertStatus.OPEN;
        alert.registerEvent("alert.raised", new AlertEvents.Raised(alert.id, kind, kind.level().name(),
                alert.source, alert.subjectId, alert.subjectNo, phase, round, alert.region, alert.department, dueAt,
                now), now);
        return alert;
    }

    /** Clears an open clock alert; false when it is cleared already (or a flag, which stays). */
    public boolean clear(boolean stoppedOnTime, Instant now) {
        if (status != AlertStatus.OPEN || !kind.clock()) {
            return false;
        }
        status = AlertStatus.CLEARED;
        clearedAt = now;
        registerEvent("alert.cleared", new AlertEvents.Cleared(id, kind, kind.level().name(), source, subjectId,
                phase, round, region, department, stoppedOnTime, now), now);
        return true;
    }

    @Override
    protected String aggregateType() {
        return "alert";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public AlertKind kind() { return kind; }
    public Source source() { return source; }
    public String subjectId() { return subjectId; }
    public String subjectNo() { return subjectNo; }
    public String phase() { return phase; }
    public int round() { return round; }
    public String regionCode() { return region; }
    public String department() { return department; }
    public Instant dueAt() { return dueAt; }
    public Instant raisedAt() { return raisedAt; }
    public AlertStatus status() { return status; }
    public Instant clearedAt() { return clearedAt; }
}
