package dev.onewindow.evaluation.ratings;

import java.time.Instant;

/**
 * A bad rating was just saved: its rectification is to be opened (under {@link Rating#rectificationId()}). Published
 * in process, synchronously, so ratings know nothing of the rectification loop that follows them.
 */
public record BadRatingGiven(Rating rating, Instant at) {
}
