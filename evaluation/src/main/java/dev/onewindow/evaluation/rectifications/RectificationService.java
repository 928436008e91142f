package dev.onewindow.evaluation.rectifications;

import java.time.Clock;
import java.time.Instant;

import dev.onewindow.evaluation.RegionScope;
import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.ratings.BadRatingGiven;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingRepository;
import dev.onewindow.evaluation.ratings.Raters;
import dev.onewindow.evaluation.statistics.PendingCounts;
import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The bad-rating loop (差评整改). The responsible department's handlers act on their own department's rectifications;
 * eval-admins and supervisors of the region and auditors read them; the rater confirms. Whatever is outside the
 * caller's scope is not found. The rater's contact is opened only for a handler of the department while the
 * rectification runs, and each opening is logged as who read which rectification, never the number.
 */
@Service
public class RectificationService {

    private static final Logger log = LoggerFactory.getLogger(RectificationService.class);

    private final RectificationRepository rectifications;
    private final RatingRepository ratings;
    private final Raters raters;
    private final FieldCipher cipher;
    private final RaterContacts contacts;
    private final PendingCounts pending;
    private final CalendarSource calendar;
    private final EvaluationProperties properties;
    private final Clock clock;

    RectificationService(RectificationRepository rectifications, RatingRepository ratings, Raters raters,
            FieldCipher cipher, RaterContacts contacts, PendingCounts pending, CalendarSource calendar,
            EvaluationProperties properties, Clock clock) {
        this.rectifications = rectifications;
        this.ratings = ratings;
        this.raters = raters;
        this.cipher = cipher;
        this.contacts = contacts;
        this.pending = pending;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens the rectification of a bad rating just given, under the id the rating names, once: a rating settled
     * again after a crash finds it opened (the id and the rating are unique) and changes nothing.
     */
    @EventListener
    public void open(BadRatingGiven given) {
        Rating rating = given.rating();
        if (rectifications.existsById(rating.rectificationId())) {
            return;
        }
        Rectification opened = Rectification.open(rating.rectificationId(),
                new Rectification.Source(rating.id(), rating.subjectType().name(), rating.subjectId(),
                        rating.subjectNo(), rating.level(), rating.reasons(), rating.realName(),
                        rating.attribution()),
                properties.rectificationLimit(), calendar.current(), given.at());
        try {
            settle(rectifications.insert(opened), false);
        } catch (DuplicateKeyException openedMeanwhile) {
            log.debug("rectification {} is open already", opened.id());
        }
    }

    /** What a rectification's save leaves to do (its counter changes), done once however often this runs. */
    public boolean settle(Rectification saved, boolean claimed) {
        return pending.settle(saved, claimed, () -> { });
    }

    /**
     * Settles the rectifications whose save was not followed by their settlement (a crash, a failed write).
     *
     * @return how many were settled
     */
    public int settleStale() {
        int settled = 0;
        for (Rectification claimed : pending.claimStale(Rectification.class, properties.countingGrace(),
                properties.countingLease(), properties.sweepBatch())) {
            settled += settle(claimed, true) ? 1 : 0;
        }
        return settled;
    }

    /**
     * The rater's contact for the callback (100 % 回访 of real-name bad raters): the number the rater left with the
     * rating, else the one the matter's service holds (the case's applicant, the work order's caller), fetched now
     * and never kept. In full only for a handler of the responsible department while the callback is due; masked for
     * everyone else who may read the rectification. Each reading is logged as who read which rectification and where
     * the number came from, never the number.
     */
    public CallbackContact contact(String id, Caller caller) {
        Rectification r = rectifications.findById(id).filter(found -> visible(found, caller))
                .orElseThrow(() -> DomainException.notFound("rectification", id));
        boolean handler = caller.hasRole(Roles.DEPT_HANDLER) && caller.inDepartment(r.department());
        if (handler && !RectificationStatus.RUNNING.contains(r.status())) {
            throw DomainException.conflict("NOT_RUNNING", "the contact is given only while the callback is due");
        }
        Rating rating = ratings.findById(r.ratingId()).orElseThrow(() -> DomainException.notFound("rating",
                r.ratingId()));
        CallbackContact contact;
        if (rating.contactSealed() != null) {
            contact = new CallbackContact(cipher.decrypt(rating.contactSealed(), "rating:" + rating.id() + ":contact"),
                    ContactSource.LEFT_BY_RATER, false);
        } else {
            RaterContacts.Contact held = contacts.of(r.subjectType(), r.subjectId());
            contact = new CallbackContact(held.mobile(), "WORK_ORDER".equals(r.subjectType())
                    ? ContactSource.WORK_ORDER_CALLER : ContactSource.CASE_APPLICANT, held.withheld());
        }
        log.info("callback contact of rectification {} ({}, {}) read by {} of {}", id, contact.source(),
                handler ? "in full" : "masked", caller.username(), caller.dept());
        return handler ? contact : contact.masked();
    }

    /** Where a callback number came from. */
    public enum ContactSource {
        LEFT_BY_RATER, CASE_APPLICANT, WORK_ORDER_CALLER
    }

    /**
     * A callback number: {@code mobile} in full or masked, null when there is none (or it is withheld: a 12345 caller
     * who asked for confidentiality is called back by the hotline).
     */
    public record CallbackContact(String mobile, ContactSource source, boolean withheld) {

        CallbackContact masked() {
            return new CallbackContact(mobile == null ? null : dev.onewindow.platform.personal.Masking.mobile(mobile),
                    source, withheld);
        }
    }

    public Rectification callback(String id, boolean reached, String note, Caller caller) {
        Rectification r = departmentOwn(id, caller);
        r.recordCallback(caller.username(), reached, note, clock.instant());
        Rectification saved = rectifications.save(r);
        settle(saved, false);
        return saved;
    }

    public Rectification feedBack(String id, FeedbackResult result, String text, Caller caller) {
        Rectification r = departmentOwn(id, caller);
        r.feedBack(caller.username(), result, text, properties.confirmationWithinLimit(), calendar.current(),
                clock.instant());
        return rectifications.save(r);
    }

    /**
     * The rater's answer to the feedback: given by the rater, signed in (the applicant or caller of the matter). A
     * rating given with a rating code at the window may come from someone who never signs in: for those (not
     * real-name) an eval-admin of the region may record what the rater said when called back — never the department,
     * which would be confirming its own work.
     */
    public Rectification confirm(String id, boolean satisfied, String comment, Caller caller) {
        Rectification r = rectifications.findById(id)
                .filter(found -> caller.hasAnyRole(Roles.CITIZEN, Roles.ENTERPRISE)
                        ? ratings.findById(found.ratingId()).filter(rating -> rating.ratedBy(raters.refsOf(caller)))
                                .isPresent()
                        : caller.hasRole(Roles.EVAL_ADMIN) && !found.realName()
                                && caller.inRegion(found.attribution().region()))
                .orElseThrow(() -> DomainException.notFound("rectification", id));
        r.confirm(satisfied, comment, properties.rectificationLimit(),
                calendar.current(), clock.instant());
        Rectification saved = rectifications.save(r);
        settle(saved, false);
        return saved;
    }

    /**
     * Raises {@code rectification.overdue} for the rectifications whose clock ran out, each once per round. Reads
     * only what the sparse {@code overdue_sweep} index holds before now (nothing fed back, nothing raised).
     *
     * @return how many were raised
     */
    public int raiseOverdue() {
        Instant now = clock.instant();
        int raised = 0;
        for (Rectification candidate : rectifications.findByOverdueAtLessThanOrderByOverdueAtAsc(now,
                PageRequest.of(0, properties.sweepBatch()))) {
            boolean done = OptimisticRetry.run(() -> rectifications.findById(candidate.id())
                    .filter(r -> r.raiseOverdue(calendar.current(), now)).map(rectifications::save).isPresent());
            raised += done ? 1 : 0;
        }
        return raised;
    }

    /**
     * 默认满意: closes, as satisfied by default, the rectifications whose rater did not answer the feedback within
     * {@code onewindow.evaluation.confirmation-within}. Reads only what the sparse {@code confirmation_sweep} index
     * holds before now.
     *
     * @return how many were closed
     */
    public int confirmDueByDefault() {
        Instant now = clock.instant();
        int closed = 0;
        for (Rectification candidate : rectifications.findByConfirmByLessThanEqualOrderByConfirmByAsc(now,
                PageRequest.of(0, properties.sweepBatch()))) {
            Rectification done = OptimisticRetry.run(() -> rectifications.findById(candidate.id())
                    .filter(r -> r.confirmByDefault(now)).map(rectifications::save).orElse(null));
            if (done != null) {
                settle(done, false);
                closed++;
            }
        }
        return closed;
    }

    /** A pending appeal of the rating stops its rectification's clock (idempotent). */
    public void pauseForAppeal(String ratingId, String appealId, Instant at) {
        OptimisticRetry.run(() -> rectifications.findByRatingId(ratingId).filter(r -> r.pauseForAppeal(appealId, at))
                .map(rectifications::save).isPresent());
    }

    /** A rejected appeal lets its rectification's clock run again (idempotent). */
    public void resumeAfterAppeal(String ratingId, String appealId, Instant at) {
        OptimisticRetry.run(() -> rectifications.findByRatingId(ratingId)
                .filter(r -> r.resumeAfterAppeal(appealId, calendar.current(), at))
                .map(rectifications::save).isPresent());
    }

    public Rectification get(String id, Caller caller) {
        return rectifications.findById(id).filter(r -> visible(r, caller))
                .orElseThrow(() -> DomainException.notFound("rectification", id));
    }

    /**
     * Rectifications, the earliest due first: all for auditors, the region's for eval-admins and supervisors, a
     * department's own for its staff.
     */
    public Page<Rectification> list(Caller caller, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return rectifications.findAllByOrderByDueAtAsc(page);
        }
        if (caller.hasAnyRole(Roles.EVAL_ADMIN, Roles.SUPERVISOR)) {
            return RegionScope.prefix(caller.region()).map(prefix -> rectifications
                    .findByAttributionRegionStartingWithOrderByDueAtAsc(prefix, page)).orElse(Page.empty(page));
        }
        return rectifications.findByAttributionDepartmentOrderByDueAtAsc(caller.dept(), page);
    }

    /** Whether the rectification's clock is past due now. */
    public boolean overdue(Rectification r) {
        return r.overdue(calendar.current(), clock.instant());
    }

    private Rectification departmentOwn(String id, Caller caller) {
        return rectifications.findById(id).filter(r -> caller.hasRole(Roles.DEPT_HANDLER)
                && caller.inDepartment(r.department()))
                .orElseThrow(() -> DomainException.notFound("rectification", id));
    }

    private boolean visible(Rectification r, Caller caller) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        if (caller.hasAnyRole(Roles.EVAL_ADMIN, Roles.SUPERVISOR) && caller.inRegion(r.attribution().region())) {
            return true;
        }
        return caller.hasAnyRole(Roles.DEPT_HANDLER, Roles.DEPT_ADMIN) && caller.inDepartment(r.department());
    }
}
