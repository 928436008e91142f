package dev.onewindow.evaluation.appeals;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.onewindow.evaluation.RegionScope;
import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingRepository;
import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.rectifications.RectificationRepository;
import dev.onewindow.evaluation.rectifications.RectificationService;
import dev.onewindow.evaluation.statistics.PendingCounts;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * 申诉复核. A handler of the rated department appeals its bad rating; an eval-admin of the region decides. An upheld
 * appeal keeps the rating, marked excluded, withdraws its rectification and takes everything it counted out of the
 * statistics.
 */
@Service
public class AppealService {

    private final AppealRepository appeals;
    private final RatingRepository ratings;
    private final RectificationRepository rectifications;
    private final RatingService ratingService;
    private final RectificationService rectificationService;
    private final PendingCounts pending;
    private final CalendarSource calendar;
    private final EvaluationProperties properties;
    private final Clock clock;

    AppealService(AppealRepository appeals, RatingRepository ratings, RectificationRepository rectifications,
            RatingService ratingService, RectificationService rectificationService, PendingCounts pending,
            CalendarSource calendar, EvaluationProperties properties, Clock clock) {
        this.appeals = appeals;
        this.ratings = ratings;
        this.rectifications = rectifications;
        this.ratingService = ratingService;
        this.rectificationService = rectificationService;
        this.pending = pending;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    public Appeal file(String ratingId, AppealGround ground, String reason, Caller caller) {
        Rating rating = ratings.findById(ratingId).filter(r -> caller.inDepartment(r.department()))
                .orElseThrow(() -> DomainException.invalid("UNKNOWN_RATING", "no rating " + ratingId
                        + " of your department").with("field", "ratingId"));
        if (!rating.bad() || rating.excluded()) {
            throw DomainException.conflict("NOT_APPEALABLE", "only a counted bad rating is appealed");
        }
        if (appeals.existsByRatingId(ratingId)) {
            throw DomainException.conflict("ALREADY_APPEALED", "a rating is appealed once");
        }
        Appeal appeal = Appeal.file(UUID.randomUUID().toString(), rating.id(), rating.rectificationId(),
                rating.regionCode(), rating.department(), rating.ratedAt(), ground, reason, caller.username(),
                properties.appealWithinLimit(), properties.appealDecisionLimit(), calendar.current(),
                clock.instant());
        Appeal saved;
        try {
            saved = appeals.save(appeal);
        } catch (DuplicateKeyException concurrent) {
            throw DomainException.conflict("ALREADY_APPEALED", "a rating is appealed once");
        }
        settle(saved, false);
        return saved;
    }

    public Appeal decide(String id, boolean upheld, String comment, Caller caller) {
        Appeal appeal = appeals.findById(id).filter(a -> caller.inRegion(a.regionCode()))
                .orElseThrow(() -> DomainException.notFound("appeal", id));
        Instant now = clock.instant();
        appeal.decide(upheld, comment, caller.username(), calendar.current(), now);
        Appeal saved = appeals.save(appeal);
        settle(saved, false);
        return saved;
    }

    /**
     * What an appeal's save leaves to do, done once however often this runs. Filed: the rectification's clock pauses
     * while the appeal is pending. Rejected: it runs again. Upheld: the rating is excluded (its counts taken back,
     * counted as excluded) and its rectification withdrawn (everything it counted taken back).
     */
    public boolean settle(Appeal saved, boolean claimed) {
        return pending.settle(saved, claimed, () -> {
            switch (saved.status()) {
                case PENDING -> rectificationService.pauseForAppeal(saved.ratingId(), saved.id(), saved.filedAt());
                case REJECTED -> rectificationService.resumeAfterAppeal(saved.ratingId(), saved.id(),
                        saved.decidedAt());
                case UPHELD -> exclude(saved);
            }
        });
    }

    /**
     * Raises {@code appeal.overdue} for the pending appeals whose decision clock ran out, each once. Reads only what
     * the sparse {@code overdue_sweep} index holds before now.
     *
     * @return how many were raised
     */
    public int raiseOverdue() {
        Instant now = clock.instant();
        int raised = 0;
        for (Appeal candidate : appeals.findByOverdueAtLessThanOrderByOverdueAtAsc(now,
                PageRequest.of(0, properties.sweepBatch()))) {
            boolean done = OptimisticRetry.run(() -> appeals.findById(candidate.id())
                    .filter(a -> a.raiseOverdue(calendar.current(), now)).map(appeals::save).isPresent());
            raised += done ? 1 : 0;
        }
        return raised;
    }

    /**
     * Settles the upheld appeals whose save was not followed by the exclusion (a crash, a failed write).
     *
     * @return how many were settled
     */
    public int settleStale() {
        int settled = 0;
        for (Appeal claimed : pending.claimStale(Appeal.class, properties.countingGrace(),
                properties.countingLease(), properties.sweepBatch())) {
            settled += settle(claimed, true) ? 1 : 0;
        }
        return settled;
    }

    private void exclude(Appeal appeal) {
        Instant at = appeal.decidedAt();
        OptimisticRetry.run(() -> ratings.findById(appeal.ratingId())
                .filter(rating -> rating.exclude(appeal.id(), at))
                .map(ratings::save).map(saved -> ratingService.settle(saved, false)).orElse(false));
        OptimisticRetry.run(() -> rectifications.findByRatingId(appeal.ratingId())
                .filter(r -> r.withdraw(at))
                .map(rectifications::save).map(saved -> rectificationService.settle(saved, false)).orElse(false));
    }

    public Appeal get(String id, Caller caller) {
        return appeals.findById(id).filter(a -> caller.hasRole(Roles.AUDITOR)
                || (caller.hasRole(Roles.EVAL_ADMIN) && caller.inRegion(a.regionCode()))
                || (caller.hasAnyRole(Roles.DEPT_HANDLER, Roles.DEPT_ADMIN) && caller.inDepartment(a.department())))
                .orElseThrow(() -> DomainException.notFound("appeal", id));
    }

    /** The appeals waiting for a decision, the earliest due first: all for auditors, the region's for eval-admins. */
    public Page<Appeal> pending(Caller caller, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return appeals.findByStatusOrderByDueAtAsc(AppealStatus.PENDING, page);
        }
        return RegionScope.prefix(caller.region()).map(prefix -> appeals
                .findByStatusAndRegionStartingWithOrderByDueAtAsc(AppealStatus.PENDING, prefix, page))
                .orElse(Page.empty(page));
    }
}
