package dev.onewindow.supervision.watch;

import dev.onewindow.supervision.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.supervision.RegionScopes;
import dev.onewindow.supervision.kpi.CountChange;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * supervision's own projection of one matter another service owns (a case, a work order, a rectification …): its
 * clocks by phase, the facts its KPIs need later, and the highest event {@code sequence} of the owner applied — so a
 * redelivered or replayed event changes nothing. {@code nextFireAt} is the earliest instant at which one of its running
 * clocks turns YELLOW or RED with the alert not yet raised; the sweep reads only the matters whose instant has come,
 * through an index, never all of them. {@code null} when nothing can fire (stopped, paused, all raised).
 *
 * <p>{@code pendingCounts} are the KPI increments of the events applied, stored in the same save as their effects and
 * removed once the counters took them; {@code pendingSince} (a sparse index) lets a sweep find what a crash left
 * between the save and the counters.
 */
@Document("watched")
public class Watched {

    @Id
    private final String id;
    private final Source source;
    private final String subjectId;
    private String subjectNo;
    private String region;
    private List<String> scopes;
    private String department;
    private long appliedSequence;
    private Map<String, WatchedClock> clocks;
    private Set<String> facts;
    @Indexed(sparse = true)
    private Instant nextFireAt;
    private List<CountChange> pendingCounts;
    @Indexed(sparse = true)
    private Instant pendingSince;
    @Version
    private Long version;

    @PersistenceCreator
    Watched(String id, Source source, String subjectId) {
        this.id = id;
        this.source = source;
        this.subjectId = subjectId;
        this.clocks = new LinkedHashMap<>();
        this.facts = new LinkedHashSet<>();
    }

    public static Watched of(Source source, String subjectId) {
        return new Watched(idOf(source, subjectId), source, subjectId);
    }

    public static String idOf(Source source, String subjectId) {
        return source.name() + ":" + subjectId;
    }

    /** Takes the matter's current facts from an event (number, region, responsible department). */
    public void describe(String subjectNo, String region, String department) {
        if (subjectNo != null) {
            this.subjectNo = subjectNo;
        }
        if (region != null) {
            this.region = region;
            this.scopes = RegionScopes.of(region);
        }
        if (department != null) {
            this.department = department;
        }
    }

    /** Whether an event of this sequence is newer than everything applied (and so to be applied). */
    boolean accepts(long sequence) {
        return sequence > appliedSequence;
    }

    void applied(long sequence) {
        appliedSequence = Math.max(appliedSequence, sequence);
    }

    Optional<WatchedClock> clock(String phase) {
        return Optional.ofNullable(clocks.get(phase));
    }

    void put(WatchedClock clock) {
        clocks.put(clock.phase(), clock);
    }

    boolean hasFact(String fact) {
        return facts.contains(fact);
    }

    void addFact(String fact) {
        facts.add(fact);
    }

    /** The facts beginning with {@code prefix}, in the order they were learnt. */
    List<String> facts(String prefix) {
        return facts.stream().filter(f -> f.startsWith(prefix)).toList();
    }

    /** Stores KPI increments to apply once this save is made. */
    void addPendingCount(CountChange change, Instant now) {
        if (pendingCounts == null) {
            pendingCounts = new ArrayList<>();
        }
        pendingCounts.add(change);
        if (pendingSince == null) {
            pendingSince = now;
        }
    }

    /** A sweep takes the pending counts for a while ({@code until}): no other sweep takes them meanwhile. */
    void claimPendingCounts(Instant until) {
        pendingSince = pendingCounts().isEmpty() ? null : until;
    }

    /** Recomputes {@link #nextFireAt} from the running clocks (see the class comment). */
    void schedule(WorkingDayCalendar calendar, Instant now, ClockThresholds thresholds) {
        Instant next = null;
        for (WatchedClock c : clocks.values()) {
            if (!c.running() || c.clock().paused() || (c.yellowRaised() && c.redRaised())) {
                continue;
            }
            Instant at = !c.yellowRaised() ? c.clock().yellowAt(calendar, now, thresholds)
                    : c.clock().dueAt(calendar, now).plusMillis(1);
            next = next == null || at.isBefore(next) ? at : next;
        }
        nextFireAt = next;
    }

    public String id() { return id; }
    public Source source() { return source; }
    public String subjectId() { return subjectId; }
    public String subjectNo() { return subjectNo; }
    public String region() { return region; }
    public List<String> scopes() { return scopes == null ? List.of() : scopes; }
    public String department() { return department; }
    public long appliedSequence() { return appliedSequence; }
    public Map<String, WatchedClock> clocks() { return java.util.Collections.unmodifiableMap(clocks); }
    public Instant nextFireAt() { return nextFireAt; }
    public List<CountChange> pendingCounts() { return pendingCounts == null ? List.of() : List.copyOf(pendingCounts); }
    public Instant pendingSince() { return pendingSince; }
    public Long version() { return version; }
}
