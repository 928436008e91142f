package dev.onewindow.evaluation.ratings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.onewindow.evaluation.RegionScope;
import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.statistics.PendingCounts;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.personal.MobileNumber;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Invitations from the producing services' events, ratings by the rater (signed in, or with a rating code at the
 * window), follow-ups, and the reads. A matter not the caller's is not found, indistinguishable from a missing one.
 * Everything is checked before anything is stored; a bad rating then opens its rectification and every change
 * moves the statistics counters.
 */
@Service
public class RatingService {

    private static final Logger log = LoggerFactory.getLogger(RatingService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final RatingRepository ratings;
    private final MongoTemplate mongo;
    private final Raters raters;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher publisher;
    private final PendingCounts pending;
    private final EvaluationProperties properties;
    private final Clock clock;

    RatingService(RatingRepository ratings, MongoTemplate mongo, Raters raters, FieldCipher cipher,
            ApplicationEventPublisher publisher, PendingCounts pending, EvaluationProperties properties,
            Clock clock) {
        this.ratings = ratings;
        this.mongo = mongo;
        this.raters = raters;
        this.cipher = cipher;
        this.publisher = publisher;
        this.pending = pending;
        this.properties = properties;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ invitations

    /**
     * An invitation for the matter at its stage, once: the id is derived from matter and stage, so a redelivered
     * event collides with the stored invitation and changes nothing.
     */
    public void invite(Rating.Matter matter) {
        invite(matter, false);
    }

    /**
     * An invitation as {@link #invite(Rating.Matter)}; with {@code textCode} (a 12345 caller known only by the
     * number, who cannot sign in as the caller) it carries a texted rating code. The code's hash is stored first: a
     * redelivered event then leaves an unused code nobody was told, and the invitation stays the first one.
     */
    public void invite(Rating.Matter matter, boolean textCode) {
        String id = UUID.nameUUIDFromBytes((matter.subjectType() + "|" + matter.subjectId() + "|" + matter.stage())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        Rating.TextedCode code = textCode ? textedCode(id, matter.department(), now, now.plus(properties.rateWithin()))
                : null;
        // one insert: a redelivered event hits the unique _id (no read first — a count per event costs more)
        try {
            ratings.insert(Rating.invite(id, matter, now, properties.rateWithin(), properties.reminderAfter(), code));
        } catch (DuplicateKeyException alreadyInvited) {
            log.debug("invitation {} exists already", id);
        }
    }

    /** Stores a new texted code's hash for rating {@code ratingId}; answers the code in clear, for the event only. */
    private Rating.TextedCode textedCode(String ratingId, String department, Instant now, Instant ratingCloses) {
        String code = randomCode();
        Instant expires = now.plus(properties.textedCodeTtl());
        expires = expires.isAfter(ratingCloses) ? ratingCloses : expires;
        mongo.insert(new RatingCode(sha256(code), ratingId, department, null, now, expires, null,
                RatingChannel.SMS));
        return new Rating.TextedCode(code, expires);
    }

    /**
     * Reminds the invitations not answered in time, each once: reads only what the sparse {@code reminders} index
     * holds before now (a rating or a reminder clears it).
     *
     * @return how many were reminded
     */
    public int remindDue() {
        Instant now = clock.instant();
        int reminded = 0;
        for (Rating candidate : ratings.findByRemindAtLessThanOrderByRemindAtAsc(now,
                PageRequest.of(0, properties.sweepBatch()))) {
            boolean done = OptimisticRetry.run(() -> ratings.findById(candidate.id())
                    .filter(r -> r.remind(now, r.remindDue(now) && r.codeByText()
                            ? textedCode(r.id(), r.department(), now, r.closesAt()) : null))
                    .map(ratings::save).isPresent());
            reminded += done ? 1 : 0;
        }
        return reminded;
    }

    /** The rater's invitations still open, newest first. */
    public Page<Rating> openInvitations(Caller caller, PageRequest page) {
        return ratings.findByRaterRefsInAndStatusOrderByInvitedAtDesc(raters.refsOf(caller), RatingStatus.INVITED,
                page);
    }

    // ------------------------------------------------------------------------------------------------ rating

    /** What a rater sends. */
    public record Submission(int level, List<String> reasons, String text, RatingChannel channel,
            String contactMobile) {
    }

    /** 评价 by the applicant of the case or the caller of the work order, signed in. */
    public Rating rate(SubjectType type, String subjectId, Stage stage, Submission submission, Caller caller) {
        if (submission.channel() == RatingChannel.SERVICE_HALL) {
            throw DomainException.invalid("CHANNEL_NOT_ALLOWED", "a rating at the window is given with the rating "
                    + "code of the receipt (POST /api/v1/evaluations/ratings/by-code)").with("field", "channel");
        }
        Rating rating = ratings.findBySubjectTypeAndSubjectIdAndStage(type, subjectId, stage)
                .filter(r -> r.ratedBy(raters.refsOf(caller)))
                .orElseThrow(() -> DomainException.notFound("rating invitation", type + " " + subjectId + " " + stage));
        Rating.Answer answer = new Rating.Answer(submission.level(), submission.reasons(), submission.text(),
                submission.channel(), null, Raters.realName(caller));
        return rateAndCount(rating, answer, submission.contactMobile());
    }

    /** A window officer issues the rating code of a case's open invitation (the QR on the receipt). */
    public IssuedCode issueCode(String caseId, Caller caller) {
        List<Rating> open = ratings.findBySubjectTypeAndSubjectIdAndStatus(SubjectType.CASE, caseId,
                RatingStatus.INVITED).stream().filter(r -> caller.inDepartment(r.department())).toList();
        // the completion's invitation, when there is one, is the one the receipt at the end is for
        Rating rating = open.stream().filter(r -> r.stage() == Stage.COMPLETION).findFirst()
                .or(() -> open.stream().findFirst())
                .orElseThrow(() -> DomainException.notFound("open rating invitation of case", caseId));
        String code = randomCode();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.codeTtl());
        mongo.insert(new RatingCode(sha256(code), rating.id(), rating.department(), caller.username(), now,
                expiresAt, null, RatingChannel.SERVICE_HALL));
        return new IssuedCode(code, rating, expiresAt);
    }

    public record IssuedCode(String code, Rating rating, Instant expiresAt) {
    }

    /**
     * 评价 with a rating code, without a token: at the window (the receipt's code) or from a text message (a 12345
     * caller's code); the rating's channel is the code's. The answer is checked first, then the code is taken
     * with one atomic update (unused and unexpired), so of two uses of one code exactly one rates.
     */
    public Rating rateByCode(String code, Submission submission) {
        Instant now = clock.instant();
        String hash = sha256(code == null ? "" : code);
        RatingCode found = mongo.findById(hash, RatingCode.class);
        if (found == null) {
            throw DomainException.notFound("rating code", "(not shown)");
        }
        if (found.usedAt() != null) {
            throw DomainException.conflict("CODE_USED", "this rating code was used already");
        }
        if (!now.isBefore(found.expiresAt())) {
            throw DomainException.expired("CODE_EXPIRED", "this rating code expired at " + found.expiresAt());
        }
        Rating rating = ratings.findById(found.ratingId())
                .orElseThrow(() -> DomainException.notFound("rating code", "(not shown)"));
        Rating.Answer answer = new Rating.Answer(submission.level(), submission.reasons(), submission.text(),
                found.ratingChannel(), found.issuedBy(), false);
        rating.check(answer, reasons(), now);
        validContact(submission.contactMobile());
        RatingCode taken = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(hash).and("usedAt").is(null).and("expiresAt").gt(now)),
                new Update().set("usedAt", now), FindAndModifyOptions.options().returnNew(true), RatingCode.class);
        if (taken == null) {
            throw DomainException.conflict("CODE_USED", "this rating code was used already");
        }
        return rateAndCount(rating, answer, submission.contactMobile());
    }

    private Rating rateAndCount(Rating rating, Rating.Answer answer, String contactMobile) {
        Instant now = clock.instant();
        validContact(contactMobile);
        String sealed = contactMobile == null ? null : cipher.encrypt(contactMobile, "rating:" + rating.id()
                + ":contact");
        rating.rate(answer, sealed, reasons(), now);
        // the rectification's id is known before the one save of the rating, which must not be saved twice: a
        // second save would write its already published event back into the outbox
        if (rating.bad()) {
            rating.rectifiedBy(UUID.randomUUID().toString());
        }
        Rating saved = ratings.save(rating);
        settle(saved, false);
        return saved;
    }

    /**
     * What a rating's save leaves to do, done once however often this runs: the rectification of a bad rating
     * opened (under the id the rating names), the counter changes applied, the rating acknowledged.
     */
    public boolean settle(Rating saved, boolean claimed) {
        return pending.settle(saved, claimed, () -> {
            if (saved.opensRectification()) {
                publisher.publishEvent(new BadRatingGiven(saved, saved.ratedAt()));
            }
        });
    }

    /**
     * Settles the ratings whose save was not followed by their settlement (a crash, a failed write): those pending
     * for longer than {@code onewindow.evaluation.counting-grace}, each claimed first.
     *
     * @return how many were settled
     */
    public int settleStale() {
        int settled = 0;
        for (Rating claimed : pending.claimStale(Rating.class, properties.countingGrace(),
                properties.countingLease(), properties.sweepBatch())) {
            settled += settle(claimed, true) ? 1 : 0;
        }
        return settled;
    }

    private static void validContact(String mobile) {
        if (mobile != null && !MobileNumber.isValid(mobile)) {
            throw DomainException.invalid("INVALID_MOBILE", "not a mainland mobile number (11 digits, 1[3-9]…)")
                    .with("field", "contactMobile");
        }
    }

    /** 追评, by the rater. */
    public Rating followUp(String id, String text, Caller caller) {
        Rating rating = ratings.findById(id).filter(r -> r.ratedBy(raters.refsOf(caller)))
                .orElseThrow(() -> DomainException.notFound("rating", id));
        rating.followUp(text, properties.followUpWithin(), clock.instant());
        return ratings.save(rating);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * A rating for whoever may read it: the rater; staff of its department (officers, handlers, department admins);
     * eval-admins and supervisors of its region; auditors.
     */
    public Rating get(String id, Caller caller) {
        return ratings.findById(id).filter(r -> visible(r, caller))
                .orElseThrow(() -> DomainException.notFound("rating", id));
    }

    /**
     * Given ratings, newest first: all for auditors, the region's for eval-admins, a department's own for its staff.
     */
    public Page<Rating> list(Caller caller, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return ratings.findByStatusOrderByRatedAtDesc(RatingStatus.RATED, page);
        }
        if (caller.hasRole(Roles.EVAL_ADMIN)) {
            return RegionScope.prefix(caller.region()).map(prefix -> ratings
                    .findByRegionStartingWithAndStatusOrderByRatedAtDesc(prefix, RatingStatus.RATED, page))
                    .orElse(Page.empty(page));
        }
        return ratings.findByDepartmentAndStatusOrderByRatedAtDesc(caller.dept(), RatingStatus.RATED, page);
    }

    /** Whether the caller is the rater (who alone sees what only the rater should). */
    public boolean isRater(Rating rating, Caller caller) {
        return caller.hasAnyRole(Roles.CITIZEN, Roles.ENTERPRISE) && rating.ratedBy(raters.refsOf(caller));
    }

    boolean visible(Rating rating, Caller caller) {
        if (caller.hasRole(Roles.AUDITOR) || isRater(rating, caller)) {
            return true;
        }
        if (caller.hasAnyRole(Roles.EVAL_ADMIN, Roles.SUPERVISOR) && caller.inRegion(rating.regionCode())) {
            return true;
        }
        return caller.hasAnyRole(Roles.WINDOW_OFFICER, Roles.DEPT_HANDLER, Roles.DEPT_ADMIN)
                && caller.inDepartment(rating.department());
    }

    public Set<String> reasons() {
        return properties.badReasons().keySet();
    }

    private static String randomCode() {
        char[] code = new char[16];
        for (int i = 0; i < code.length; i++) {
            code[i] = CROCKFORD[RANDOM.nextInt(CROCKFORD.length)];
        }
        return new String(code);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
