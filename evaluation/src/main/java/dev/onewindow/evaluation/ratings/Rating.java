package dev.onewindow.evaluation.ratings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.onewindow.evaluation.statistics.Attribution;
import dev.onewindow.evaluation.statistics.Counted;
import dev.onewindow.evaluation.statistics.StatisticsCounters;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One matter's rating at one stage (一事一评): created as an invitation when the matter ends (or, on site, is
 * accepted), answered once by the applicant or caller, followed up (追评) at most once. The unique key on matter and
 * stage makes "once per case per stage" a fact of the store, and a redelivered event a duplicate that changes nothing.
 *
 * <p>The rater is known only by look-up references ({@code raterRefs}: the keyed hash of the applicant's ID number or
 * enterprise code, or the hotline caller's token subject), never by name or number; no answer to a department carries
 * them. A contact number the rater leaves for the callback is sealed, bound to this rating.
 */
@Document("ratings")
@CompoundIndex(name = "matter_stage", def = "{'subjectType': 1, 'subjectId': 1, 'stage': 1}", unique = true)
@CompoundIndex(name = "reminders", def = "{'remindAt': 1}", sparse = true)
@CompoundIndex(name = "rater", def = "{'raterRefs': 1, 'status': 1, 'invitedAt': -1}")
@CompoundIndex(name = "department", def = "{'department': 1, 'status': 1, 'ratedAt': -1}")
@CompoundIndex(name = "rated", def = "{'status': 1, 'ratedAt': -1}")
@CompoundIndex(name = "region", def = "{'region': 1, 'status': 1, 'ratedAt': -1}")
@CompoundIndex(name = "pending_counts", def = "{'pendingSince': 1}", sparse = true)
public class Rating extends Counted {

    @Id
    private final String id;
    private final SubjectType subjectType;
    private final String subjectId;
    private final String subjectNo;
    private final Stage stage;
    private final String region;
    private final String department;
    private final String implementationCode;
    private final String serviceChannel;
    private final String outcome;
    private final List<String> raterRefs;
    private final String notifyRef;
    private final Instant invitedAt;
    private final Instant closesAt;
    private Instant remindAt;
    private boolean codeByText;
    private RatingStatus status;
    private Integer level;
    private List<String> reasons;
    private String text;
    private RatingChannel ratingChannel;
    private String officer;
    private boolean realName;
    private String contactSealed;
    private Instant ratedAt;
    private String followUp;
    private Instant followedUpAt;
    private String rectificationId;
    private boolean excluded;
    private String excludedByAppeal;

    /** The matter as the producing service announced it. */
    public record Matter(SubjectType subjectType, String subjectId, String subjectNo, Stage stage, String region,
            String department, String implementationCode, String serviceChannel, String outcome,
            List<String> raterRefs, String notifyRef) {
    }

    /** What the rater says. */
    public record Answer(int level, List<String> reasons, String text, RatingChannel channel, String officer,
            boolean realName) {
    }

    @PersistenceCreator
    Rating(String id, SubjectType subjectType, String subjectId, String subjectNo, Stage stage, String region,
            String department, String implementationCode, String serviceChannel, String outcome,
            List<String> raterRefs, String notifyRef, Instant invitedAt, Instant closesAt) {
        this.id = id;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.subjectNo = subjectNo;
        this.stage = stage;
        this.region = region;
        this.department = department;
        this.implementationCode = implementationCode;
        this.serviceChannel = serviceChannel;
        this.outcome = outcome;
        this.raterRefs = raterRefs == null ? List.of() : List.copyOf(raterRefs);
        this.notifyRef = notifyRef;
        this.invitedAt = invitedAt;
        this.closesAt = closesAt;
        this.reasons = List.of();
    }

    /** The invitation (办件100%评价); the rater is reminded once after {@code reminderAfter} if not answered. */
    public static Rating invite(String id, Matter m, Instant now, Duration rateWithin, Duration reminderAfter) {
        return invite(id, m, now, rateWithin, reminderAfter, null);
    }

    /**
     * The invitation with a rating code the notification sender texts to a rater who cannot sign in as the rater (a
     * 12345 caller known only by the number): {@code code} is the code in clear, for the event only — the service
     * stores just its hash ({@link RatingCode}).
     */
    public static Rating invite(String id, Matter m, Instant now, Duration rateWithin, Duration reminderAfter,
            TextedCode code) {
        Rating rating = new Rating(id, m.subjectType(), m.subjectId(), m.subjectNo(), m.stage(), m.region(),
                m.department(), m.implementationCode(), m.serviceChannel(), m.outcome(), m.raterRefs(),
                m.notifyRef(), now, now.plus(rateWithin));
        rating.status = RatingStatus.INVITED;
        rating.codeByText = code != null;
        Instant remind = now.plus(reminderAfter);
        rating.remindAt = remind.isBefore(rating.closesAt) ? remind : null;
        rating.registerEvent("rating.invited", new RatingEvents.Invited(id, m.subjectType(), m.subjectId(),
                m.subjectNo(), m.stage(), m.region(), m.department(), m.implementationCode(), m.serviceChannel(),
                m.outcome(), m.notifyRef(), now, rating.remindAt, rating.closesAt,
                code == null ? null : code.code(), code == null ? null : code.expiresAt()), now);
        return rating;
    }

    /** A rating code for the notification sender to text: the code in clear and until when it rates. */
    public record TextedCode(String code, Instant expiresAt) {
    }

    /** The one reminder; a rating already given, or a reminder already sent, is not reminded. */
    public boolean remind(Instant now) {
        return remind(now, null);
    }

    /** The one reminder, with a fresh texted rating code for a rater invited with one. */
    public boolean remind(Instant now, TextedCode code) {
        if (!remindDue(now)) {
            return false;
        }
        remindAt = null;
        registerEvent("rating.reminded", new RatingEvents.Reminded(id, subjectType, subjectId, subjectNo, stage,
                region, department, notifyRef, invitedAt, closesAt, now, code == null ? null : code.code(),
                code == null ? null : code.expiresAt()), now);
        return true;
    }

    /** Whether the reminder is due now. */
    public boolean remindDue(Instant now) {
        return status == RatingStatus.INVITED && remindAt != null && !now.isBefore(remindAt);
    }

    /** Whether the rater was invited with a texted rating code (and is reminded with a fresh one). */
    public boolean codeByText() {
        return codeByText;
    }

    /**
     * Checks an answer against the rules without changing anything: the level, the reasons a bad rating needs (at
     * least one, each of the standard list), and that the invitation is open.
     */
    public void check(Answer answer, Set<String> knownReasons, Instant now) {
        if (status == RatingStatus.RATED) {
            throw DomainException.conflict("ALREADY_RATED", "this matter was rated at this stage already "
                    + "(one rating per matter and stage; a follow-up is POST /ratings/{id}/follow-up)");
        }
        if (now.isAfter(closesAt)) {
            throw DomainException.conflict("RATING_CLOSED", "the time to rate this matter ended at " + closesAt);
        }
        Level.require(answer.level());
        List<String> given = answer.reasons() == null ? List.of() : answer.reasons();
        if (Level.bad(answer.level()) && given.isEmpty()) {
            throw DomainException.invalid("REASON_REQUIRED", "a bad rating (level 1 or 2) names at least one reason "
                    + "of the list (GET /api/v1/evaluations/reasons)").with("field", "reasons");
        }
        for (String reason : given) {
            if (!knownReasons.contains(reason)) {
                throw DomainException.invalid("UNKNOWN_REASON", "'" + reason + "' is not a reason of the list "
                        + "(GET /api/v1/evaluations/reasons)").with("field", "reasons");
            }
        }
        if (given.stream().distinct().count() != given.size()) {
            throw DomainException.invalid("DUPLICATE_REASON", "each reason is named once").with("field", "reasons");
        }
    }

    /** 评价: the answer, once. */
    public void rate(Answer answer, String sealedContact, Set<String> knownReasons, Instant now) {
        check(answer, knownReasons, now);
        status = RatingStatus.RATED;
        level = answer.level();
        reasons = answer.reasons() == null ? List.of() : List.copyOf(answer.reasons());
        text = answer.text();
        ratingChannel = answer.channel();
        officer = answer.officer();
        realName = answer.realName();
        contactSealed = sealedContact;
        ratedAt = now;
        remindAt = null;
        count(attribution(), new StatisticsCounters.Change().rating(level, 1), true, now);
        registerEvent("rating.submitted", new RatingEvents.Submitted(id, subjectType, subjectId, subjectNo, stage,
                region, department, implementationCode, officer, serviceChannel, ratingChannel, level, bad(),
                reasons, realName, now), now);
    }

    /** 追评: one follow-up text within {@code within} of the rating. */
    public void followUp(String followUpText, Duration within, Instant now) {
        if (status != RatingStatus.RATED) {
            throw DomainException.conflict("NOT_RATED", "only a given rating is followed up");
        }
        if (followUp != null) {
            throw DomainException.conflict("ALREADY_FOLLOWED_UP", "a rating is followed up once");
        }
        if (now.isAfter(ratedAt.plus(within))) {
            throw DomainException.conflict("FOLLOW_UP_CLOSED", "a follow-up is given within " + within.toDays()
                    + " days of the rating");
        }
        if (followUpText == null || followUpText.isBlank()) {
            throw DomainException.invalid("TEXT_REQUIRED", "a follow-up says something").with("field", "text");
        }
        followUp = followUpText;
        followedUpAt = now;
    }

    /** Names the rectification this bad rating opens (its id is chosen before the rating is saved). */
    public void rectifiedBy(String rectification) {
        rectificationId = rectification;
    }

    /** Whether this rating still has a rectification to open (a bad rating, counted). */
    public boolean opensRectification() {
        return bad() && rectificationId != null && !excluded;
    }

    /**
     * An upheld appeal takes the rating out of the statistics; it is kept, marked, for the auditors. Excluding it
     * again for the same appeal changes nothing (a settled appeal may be settled again after a crash).
     *
     * @return whether it changed
     */
    public boolean exclude(String appealId, Instant now) {
        if (excluded && appealId.equals(excludedByAppeal)) {
            return false;
        }
        if (excluded) {
            throw DomainException.conflict("ALREADY_EXCLUDED", "the rating is excluded already");
        }
        excluded = true;
        excludedByAppeal = appealId;
        count(attribution(), new StatisticsCounters.Change().rating(level, -1).add("excluded", 1), false, now);
        return true;
    }

    /** Whether someone known by {@code refs} is the rater. */
    public boolean ratedBy(List<String> refs) {
        return refs.stream().anyMatch(raterRefs::contains);
    }

    public Attribution attribution() {
        return new Attribution(region, department, implementationCode, officer, serviceChannel, ratedAt);
    }

    public boolean bad() {
        return level != null && Level.bad(level);
    }

    @Override
    protected String aggregateType() {
        return "rating";
    }

    @Override
    protected String region() {
        return region;
    }

    @Override
    public String id() { return id; }
    public SubjectType subjectType() { return subjectType; }
    public String subjectId() { return subjectId; }
    public String subjectNo() { return subjectNo; }
    public Stage stage() { return stage; }
    public String regionCode() { return region; }
    public String department() { return department; }
    public String implementationCode() { return implementationCode; }
    public String serviceChannel() { return serviceChannel; }
    public String outcome() { return outcome; }
    public Instant invitedAt() { return invitedAt; }
    public Instant closesAt() { return closesAt; }
    public RatingStatus status() { return status; }
    public Integer level() { return level; }
    public List<String> reasons() { return reasons; }
    public String text() { return text; }
    public RatingChannel ratingChannel() { return ratingChannel; }
    public String officer() { return officer; }
    public boolean realName() { return realName; }
    public String contactSealed() { return contactSealed; }
    public Instant ratedAt() { return ratedAt; }
    public String followUp() { return followUp; }
    public Instant followedUpAt() { return followedUpAt; }
    public String rectificationId() { return rectificationId; }
    public boolean excluded() { return excluded; }
    public String excludedByAppeal() { return excludedByAppeal; }
}
