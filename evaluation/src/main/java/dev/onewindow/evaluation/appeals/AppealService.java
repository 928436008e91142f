package dev.onewindow.evaluation.appeals;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.onewindow.evaluation.RegionScope;
import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingRepository;
import dev.onewindow.evaluation.rectifications.RectificationRepository;
import dev.onewindow.evaluation.rectifications.RectificationStatus;
import dev.onewindow.evaluation.statistics.StatisticsCounters;
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
    private final StatisticsCounters counters;
    private final CalendarSource calendar;
    private final EvaluationProperties properties;
    private final Clock clock;

    AppealService(AppealRepository appeals, RatingRepository ratings, RectificationRepository rectifications,
            StatisticsCounters counters, CalendarSource calendar, EvaluationProperties properties, Clock clock) {
        this.appeals = appeals;
        this.ratings = ratings;
        this.rectifications = rectifications;
        this.counters = counters;
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
        try {
            return appeals.save(appeal);
        } catch (DuplicateKeyException concurrent) {
            throw DomainException.conflict("ALREADY_APPEALED", "a rating is appealed once");
        }
    }

    public Appeal decide(String id, boolean upheld, String comment, Caller caller) {
        Appeal appeal = appeals.findById(id).filter(a -> caller.inRegion(a.regionCode()))
                .orElseThrow(() -> DomainException.notFound("appeal", id));
        Instant now = clock.instant();
        appeal.decide(upheld, comment, caller.username(), calendar.current(), now);
        Appeal saved = appeals.save(appeal);
        if (upheld) {
            exclude(saved, now);
        }
        return saved;
    }

    private void exclude(Appeal appeal, Instant now) {
        Rating rating = ratings.findById(appeal.ratingId()).orElseThrow(() -> DomainException.notFound("rating",
                appeal.ratingId()));
        rating.exclude(appeal.id());
        ratings.save(rating);
        StatisticsCounters.Change change = new StatisticsCounters.Change().rating(rating.level(), -1)
                .add("excluded", 1);
        rectifications.findByRatingId(rating.id()).ifPresent(r -> {
            RectificationStatus before = r.status();
            change.add("rectifications", -1);
            if (r.realName()) {
                change.add("callbacksDue", -1).add("callbacksMade", r.callbacks().isEmpty() ? 0 : -1);
            }
            if (before == RectificationStatus.COMPLETED) {
                change.add("rectified", -1).add("rectifiedOnTime", r.onTime() ? -1 : 0);
            }
            if (before == RectificationStatus.ESCALATED) {
                change.add("escalated", -1);
            }
            r.withdraw(now);
            rectifications.save(r);
        });
        counters.apply(rating.attribution(), change);
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
