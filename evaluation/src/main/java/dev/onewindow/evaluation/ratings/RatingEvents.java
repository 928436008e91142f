package dev.onewindow.evaluation.ratings;

import java.time.Instant;
import java.util.List;

/**
 * The data of the rating aggregate's events (topic {@code evaluation.rating.events.v1}, key = rating id). They name
 * the rater only on invitations and reminders, and only by the keyed hash a notification sender looks the person up
 * by; never a name, ID number, mobile number or what the rater wrote. Invitations and reminders of raters who cannot
 * sign in carry a single-use rating code, which rates that one matter once and nothing else.
 */
public final class RatingEvents {

    private RatingEvents() {
    }

    /**
     * An invitation to rate (办件100%评价): a notification sender tells the rater. For a 12345 caller who cannot
     * sign in as the caller, it carries a single-use {@code ratingCode} bound to this rating (not personal data: it
     * rates this one order, once, until {@code ratingCodeExpiresAt}); the sender fetches the number to text it to
     * from hotline-12345 by {@code subjectId} — the event never carries it.
     */
    public record Invited(String ratingId, SubjectType subjectType, String subjectId, String subjectNo, Stage stage,
            String region, String department, String implementationCode, String serviceChannel, String outcome,
            String raterRef, Instant invitedAt, Instant remindAt, Instant closesAt, String ratingCode,
            Instant ratingCodeExpiresAt) {
    }

    /** The one reminder of an invitation not answered; a fresh rating code for a rater invited with one. */
    public record Reminded(String ratingId, SubjectType subjectType, String subjectId, String subjectNo, Stage stage,
            String region, String department, String raterRef, Instant invitedAt, Instant closesAt,
            Instant remindedAt, String ratingCode, Instant ratingCodeExpiresAt) {
    }

    /** A rating given: what it rates and how, never who gave it. */
    public record Submitted(String ratingId, SubjectType subjectType, String subjectId, String subjectNo, Stage stage,
            String region, String department, String implementationCode, String officer, String serviceChannel,
            RatingChannel ratingChannel, int level, boolean bad, List<String> reasons, boolean realName,
            Instant ratedAt) {
    }
}
