package dev.onewindow.evaluation.rectifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.evaluation.statistics.Attribution;
import dev.onewindow.evaluation.statistics.Counted;
import dev.onewindow.evaluation.statistics.StatisticsCounters;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 差评整改 of one bad rating (谁办理、谁负责): the responsible department calls the rater back, rectifies or explains,
 * and feeds back on its own clock (platform {@link WorkClock} on the working-day calendar); the rater confirms. Not
 * satisfied reopens once on a fresh clock; not satisfied again goes to supervision. {@code overdueAt} copies the
 * running clock's due instant while the overdue event is still to be raised, so the sweep finds exactly those through
 * an index.
 */
@Document("rectifications")
@CompoundIndex(name = "department_worklist", def = "{'attribution.department': 1, 'dueAt': 1}")
@CompoundIndex(name = "region_worklist", def = "{'attribution.region': 1, 'dueAt': 1}")
@CompoundIndex(name = "overdue_sweep", def = "{'overdueAt': 1}", sparse = true)
@CompoundIndex(name = "confirmation_sweep", def = "{'confirmBy': 1}", sparse = true)
@CompoundIndex(name = "pending_counts", def = "{'pendingSince': 1}", sparse = true)
public class Rectification extends Counted {

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String ratingId;
    private final String subjectType;
    private final String subjectId;
    private final String subjectNo;
    private final int level;
    private final List<String> reasons;
    private final boolean realName;
    private final Attribution attribution;
    private final Instant openedAt;
    private RectificationStatus status;
    private int round;
    private WorkClock clock;
    private Instant dueAt;
    private Instant overdueAt;
    private int overdueRaisedInRound;
    private Instant confirmBy;
    private String pausedForAppeal;
    private List<Callback> callbacks;
    private Feedback feedback;
    private List<Confirmation> confirmations;
    private boolean onTime;
    private Instant closedAt;

    /** 回访: whether the rater was reached, and what was agreed (never the number dialled). */
    public record Callback(boolean reached, String note, String by, Instant at) {
    }

    /** 反馈: what the department did. */
    public record Feedback(FeedbackResult result, String text, String by, Instant at, boolean onTime) {
    }

    /**
     * The rater's answer to the feedback; {@code byDefault} when the rater did not answer in time and the
     * rectification closed as satisfied (默认满意).
     */
    public record Confirmation(boolean satisfied, String comment, Instant at, boolean byDefault) {
    }

    /** The bad rating a rectification is opened for. */
    public record Source(String ratingId, String subjectType, String subjectId, String subjectNo, int level,
            List<String> reasons, boolean realName, Attribution attribution) {
    }

    @PersistenceCreator
    Rectification(String id, String ratingId, String subjectType, String subjectId, String subjectNo, int level,
            List<String> reasons, boolean realName, Attribution attribution, Instant openedAt) {
        this.id = id;
        this.ratingId = ratingId;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.subjectNo = subjectNo;
        this.level = level;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
        this.realName = realName;
        this.attribution = attribution;
        this.openedAt = openedAt;
        this.callbacks = new ArrayList<>();
        this.confirmations = new ArrayList<>();
    }

    public static Rectification open(String id, Source s, Limit limit, WorkingDayCalendar calendar, Instant now) {
        Rectification r = new Rectification(id, s.ratingId(), s.subjectType(), s.subjectId(), s.subjectNo(),
                s.level(), s.reasons(), s.realName(), s.attribution(), now);
        r.startRound(1, limit, calendar, now);
        r.count(r.attribution, new StatisticsCounters.Change().add("rectifications", 1)
                .add("callbacksDue", r.realName ? 1 : 0), false, now);
        return r;
    }

    private void startRound(int number, Limit limit, WorkingDayCalendar calendar, Instant now) {
        round = number;
        status = RectificationStatus.OPEN;
        clock = WorkClock.start(now, limit);
        dueAt = clock.dueAt(calendar, now);
        overdueAt = dueAt;
        feedback = null;
        confirmBy = null;
        registerEvent("rectification.opened", new RectificationEvents.Opened(id, ratingId, subjectType, subjectId,
                subjectNo, attribution.region(), attribution.department(), level, reasons, realName, number, now,
                dueAt), now);
    }

    /** 回访 by a handler of the department; a real-name rater is always called back before the feedback. */
    public boolean recordCallback(String handler, boolean reached, String note, Instant now) {
        requireStatus("record a callback", RectificationStatus.OPEN, RectificationStatus.CALLED_BACK);
        boolean first = callbacks.isEmpty();
        callbacks.add(new Callback(reached, note, handler, now));
        status = RectificationStatus.CALLED_BACK;
        if (first && realName) {
            count(attribution, new StatisticsCounters.Change().add("callbacksMade", 1), false, now);
        }
        return first;
    }

    /**
     * 反馈: rectified or explained; the clock stops, and the rater has {@code confirmWithin} to answer (after which
     * it closes as satisfied, {@link #confirmByDefault}).
     */
    public void feedBack(String handler, FeedbackResult result, String text, Limit confirmWithin,
            WorkingDayCalendar calendar, Instant now) {
        requireStatus("feed back", RectificationStatus.OPEN, RectificationStatus.CALLED_BACK);
        if (realName && callbacks.isEmpty()) {
            throw DomainException.conflict("CALLBACK_REQUIRED", "a real-name bad rating is called back before the "
                    + "feedback (100% 回访)");
        }
        clock = clock.complete(now);
        boolean inTime = clock.finishedOnTime(calendar);
        feedback = new Feedback(result, text, handler, now, inTime);
        status = RectificationStatus.FED_BACK;
        overdueAt = null;
        pausedForAppeal = null;
        confirmBy = WorkClock.start(now, confirmWithin).dueAt(calendar, now);
    }

    /**
     * The rater's answer. Satisfied: completed. Not satisfied: reopened once on a fresh clock, then escalated.
     *
     * @return what happened, for the counters
     */
    public Outcome confirm(boolean satisfied, String comment, Limit limit, WorkingDayCalendar calendar,
            Instant now) {
        requireStatus("confirm", RectificationStatus.FED_BACK);
        confirmations.add(new Confirmation(satisfied, comment, now, false));
        confirmBy = null;
        if (satisfied) {
            complete(false, now);
            return Outcome.COMPLETED;
        }
        if (round == 1) {
            startRound(2, limit, calendar, now);
            return Outcome.REOPENED;
        }
        status = RectificationStatus.ESCALATED;
        closedAt = now;
        count(attribution, new StatisticsCounters.Change().add("escalated", 1), false, now);
        registerEvent("rectification.escalated", new RectificationEvents.Escalated(id, ratingId,
                attribution.region(), attribution.department(), "UNSATISFIED_TWICE", now), now);
        return Outcome.ESCALATED;
    }

    public enum Outcome {
        COMPLETED, REOPENED, ESCALATED
    }

    private void complete(boolean byDefault, Instant now) {
        status = RectificationStatus.COMPLETED;
        onTime = feedback.onTime();
        closedAt = now;
        count(attribution, new StatisticsCounters.Change().add("rectified", 1)
                .add("rectifiedOnTime", onTime ? 1 : 0).add("confirmedByDefault", byDefault ? 1 : 0), false, now);
        registerEvent("rectification.completed", new RectificationEvents.Completed(id, ratingId,
                attribution.region(), attribution.department(), round, feedback.result(), !callbacks.isEmpty(),
                onTime, byDefault, now), now);
    }

    /**
     * 默认满意: the rater did not answer the feedback by {@code confirmBy}; the rectification completes as satisfied,
     * marked as confirmed by default (the rater can still add a 追评 to the rating).
     *
     * @return whether it closed now
     */
    public boolean confirmByDefault(Instant now) {
        if (status != RectificationStatus.FED_BACK || confirmBy == null || now.isBefore(confirmBy)) {
            return false;
        }
        confirmations.add(new Confirmation(true, null, now, true));
        confirmBy = null;
        complete(true, now);
        return true;
    }

    /**
     * A pending appeal of the rating stops the department's clock (申诉期间暂停计时): whether the rating is to be
     * rectified at all is being decided. Pausing again for the same appeal changes nothing.
     *
     * @return whether it changed
     */
    public boolean pauseForAppeal(String appealId, Instant now) {
        if (!RectificationStatus.RUNNING.contains(status) || clock.paused() || appealId.equals(pausedForAppeal)) {
            return false;
        }
        clock = clock.pause("APPEAL " + appealId, now);
        pausedForAppeal = appealId;
        overdueAt = null;
        return true;
    }

    /**
     * The appeal was rejected: the clock runs again, its due instant later by the working time the appeal took.
     *
     * @return whether it changed
     */
    public boolean resumeAfterAppeal(String appealId, WorkingDayCalendar calendar, Instant now) {
        if (!appealId.equals(pausedForAppeal) || !clock.paused()) {
            return false;
        }
        clock = clock.resume(now);
        pausedForAppeal = null;
        dueAt = clock.dueAt(calendar, now);
        overdueAt = overdueRaisedInRound == round ? null : dueAt;
        return true;
    }

    /** {@code rectification.overdue}, once per round, when the running clock has passed its due instant. */
    public boolean raiseOverdue(WorkingDayCalendar calendar, Instant now) {
        if (overdueAt == null || !RectificationStatus.RUNNING.contains(status) || !clock.overdue(calendar, now)) {
            return false;
        }
        overdueAt = null;
        overdueRaisedInRound = round;
        registerEvent("rectification.overdue", new RectificationEvents.Overdue(id, ratingId, attribution.region(),
                attribution.department(), round, dueAt, now), now);
        return true;
    }

    /**
     * An upheld appeal: the rating was erroneous or malicious, there is nothing to rectify. Everything the
     * rectification counted is taken back.
     *
     * @return whether it changed
     */
    public boolean withdraw(Instant now) {
        if (status == RectificationStatus.WITHDRAWN) {
            return false;
        }
        count(attribution, counted().negated(), false, now);
        status = RectificationStatus.WITHDRAWN;
        overdueAt = null;
        confirmBy = null;
        closedAt = now;
        return true;
    }

    /** What this rectification adds to the counters in its present state (every change it counted, summed). */
    StatisticsCounters.Change counted() {
        StatisticsCounters.Change change = new StatisticsCounters.Change().add("rectifications", 1);
        if (realName) {
            change.add("callbacksDue", 1).add("callbacksMade", callbacks.isEmpty() ? 0 : 1);
        }
        if (status == RectificationStatus.COMPLETED) {
            boolean byDefault = !confirmations.isEmpty() && confirmations.get(confirmations.size() - 1).byDefault();
            change.add("rectified", 1).add("rectifiedOnTime", onTime ? 1 : 0)
                    .add("confirmedByDefault", byDefault ? 1 : 0);
        }
        if (status == RectificationStatus.ESCALATED) {
            change.add("escalated", 1);
        }
        return change;
    }

    private void requireStatus(String action, RectificationStatus... allowed) {
        for (RectificationStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw DomainException.conflict("ILLEGAL_STATE", "cannot " + action + " a rectification that is " + status);
    }

    /** Whether the clock of the current round is past due now. */
    public boolean overdue(WorkingDayCalendar calendar, Instant now) {
        return RectificationStatus.RUNNING.contains(status) && clock.overdue(calendar, now);
    }

    @Override
    protected String aggregateType() {
        return "rectification";
    }

    @Override
    protected String region() {
        return attribution.region();
    }

    @Override
    public String id() { return id; }
    public String ratingId() { return ratingId; }
    public String subjectType() { return subjectType; }
    public String subjectId() { return subjectId; }
    public String subjectNo() { return subjectNo; }
    public int level() { return level; }
    public List<String> reasons() { return reasons; }
    public boolean realName() { return realName; }
    public Attribution attribution() { return attribution; }
    public String department() { return attribution.department(); }
    public Instant openedAt() { return openedAt; }
    public RectificationStatus status() { return status; }
    public int round() { return round; }
    public Instant dueAt() { return dueAt; }
    public Instant confirmBy() { return confirmBy; }
    public boolean pausedForAppeal() { return pausedForAppeal != null; }
    public List<Callback> callbacks() { return callbacks; }
    public Feedback feedback() { return feedback; }
    public List<Confirmation> confirmations() { return confirmations; }
    public boolean onTime() { return onTime; }
    public Instant closedAt() { return closedAt; }
}
