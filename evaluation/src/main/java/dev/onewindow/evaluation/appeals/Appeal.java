package dev.onewindow.evaluation.appeals;

import java.time.Instant;

import dev.onewindow.evaluation.statistics.Counted;
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
 * 申诉复核: a department appeals one bad rating as erroneous or malicious, within its window after the rating; an
 * eval-admin decides on the decision clock. One appeal per rating (unique), so a rating is never appealed twice.
 */
@Document("appeals")
@CompoundIndex(name = "pending", def = "{'status': 1, 'dueAt': 1}")
@CompoundIndex(name = "region_pending", def = "{'status': 1, 'region': 1, 'dueAt': 1}")
@CompoundIndex(name = "overdue_sweep", def = "{'overdueAt': 1}", sparse = true)
@CompoundIndex(name = "pending_counts", def = "{'pendingSince': 1}", sparse = true)
public class Appeal extends Counted {

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String ratingId;
    private final String rectificationId;
    private final String region;
    private final String department;
    private final AppealGround ground;
    private final String reason;
    private final String filedBy;
    private final Instant filedAt;
    private AppealStatus status;
    private WorkClock clock;
    private Instant dueAt;
    private Instant overdueAt;
    private String decidedBy;
    private String comment;
    private Instant decidedAt;
    private boolean decidedOnTime;

    /**
     * {@code appeal.overdue}: the eval-admins' decision clock ran out with the appeal still pending (for
     * supervision); raised once.
     */
    public record Overdue(String appealId, String ratingId, String region, String department, AppealGround ground,
            Instant filedAt, Instant dueAt, Instant detectedAt) {
    }

    /**
     * {@code appeal.filed}: the department appealed; the rectification's clock is paused while the appeal is pending
     * (申诉期间暂停计时) — for supervision, which counts that clock itself.
     */
    public record Filed(String appealId, String ratingId, String rectificationId, String region, String department,
            AppealGround ground, Instant filedAt, Instant dueAt) {
    }

    /**
     * {@code appeal.decided}: the rating is taken out of the statistics and its rectification withdrawn when upheld;
     * rejected, the rectification's clock runs again. {@code rectificationId} was added within v1.
     */
    public record Decided(String appealId, String ratingId, String rectificationId, String region,
            String department, AppealGround ground, boolean upheld, boolean onTime, Instant filedAt,
            Instant decidedAt) {
    }

    @PersistenceCreator
    Appeal(String id, String ratingId, String rectificationId, String region, String department, AppealGround ground,
            String reason, String filedBy, Instant filedAt) {
        this.id = id;
        this.ratingId = ratingId;
        this.rectificationId = rectificationId;
        this.region = region;
        this.department = department;
        this.ground = ground;
        this.reason = reason;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
    }

    /**
     * Files the appeal if the window after the rating ({@code within}, on the calendar) is still open.
     */
    public static Appeal file(String id, String ratingId, String rectificationId, String region, String department,
            Instant ratedAt, AppealGround ground, String reason, String filedBy, Limit within, Limit decision,
            WorkingDayCalendar calendar, Instant now) {
        if (WorkClock.start(ratedAt, within).overdue(calendar, now)) {
            throw DomainException.conflict("APPEAL_WINDOW_CLOSED", "a bad rating is appealed within " + within.amount()
                    + " " + within.unit().name().toLowerCase().replace('_', ' ') + " of the rating");
        }
        Appeal appeal = new Appeal(id, ratingId, rectificationId, region, department, ground, reason, filedBy, now);
        appeal.status = AppealStatus.PENDING;
        appeal.clock = WorkClock.start(now, decision);
        appeal.dueAt = appeal.clock.dueAt(calendar, now);
        appeal.overdueAt = appeal.dueAt;
        appeal.pending(now); // the rectification's clock pauses after this save
        appeal.registerEvent("appeal.filed", new Filed(id, ratingId, rectificationId, region, department, ground, now,
                appeal.dueAt), now);
        return appeal;
    }

    /** 复核 by an eval-admin. */
    public void decide(boolean upheld, String decisionComment, String admin, WorkingDayCalendar calendar,
            Instant now) {
        if (status != AppealStatus.PENDING) {
            throw DomainException.conflict("ALREADY_DECIDED", "the appeal was decided already");
        }
        clock = clock.complete(now);
        decidedOnTime = clock.finishedOnTime(calendar);
        status = upheld ? AppealStatus.UPHELD : AppealStatus.REJECTED;
        decidedBy = admin;
        comment = decisionComment;
        decidedAt = now;
        overdueAt = null;
        // after this save: upheld, the rating is excluded and its rectification withdrawn; rejected, the
        // rectification's clock runs again
        pending(now);
        registerEvent("appeal.decided", new Decided(id, ratingId, rectificationId, region, department, ground, upheld,
                decidedOnTime, filedAt, now), now);
    }

    /** {@code appeal.overdue}, once, when the decision clock has run out and the appeal is still pending. */
    public boolean raiseOverdue(WorkingDayCalendar calendar, Instant now) {
        if (status != AppealStatus.PENDING || overdueAt == null || !clock.overdue(calendar, now)) {
            return false;
        }
        overdueAt = null;
        registerEvent("appeal.overdue", new Overdue(id, ratingId, region, department, ground, filedAt, dueAt, now),
                now);
        return true;
    }

    @Override
    protected String aggregateType() {
        return "appeal";
    }

    @Override
    protected String region() {
        return region;
    }

    @Override
    public String id() { return id; }
    public String ratingId() { return ratingId; }
    public String rectificationId() { return rectificationId; }
    public String regionCode() { return region; }
    public String department() { return department; }
    public AppealGround ground() { return ground; }
    public String reason() { return reason; }
    public String filedBy() { return filedBy; }
    public Instant filedAt() { return filedAt; }
    public AppealStatus status() { return status; }
    public Instant dueAt() { return dueAt; }
    public String decidedBy() { return decidedBy; }
    public String comment() { return comment; }
    public Instant decidedAt() { return decidedAt; }
    public boolean decidedOnTime() { return decidedOnTime; }
}
