package dev.onewindow.evaluation.ratings;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rating code: lets the rater rate without signing in — the QR on a receipt (评价码) at the window, or the code a
 * notification sender texts to a 12345 caller known only by the number. Stored only as the SHA-256 of the code,
 * bound to one rating (one matter and stage), valid until {@code expiresAt}, used once.
 *
 * @param id        SHA-256 (hex) of the code
 * @param issuedBy  the window officer who issued it (rated as the case's officer); null for a texted code
 * @param channel   the channel a rating with it is given on: {@code SERVICE_HALL} (null in codes stored before texted
 *                  codes existed) or {@code SMS}
 */
@Document("rating_codes")
public record RatingCode(@Id String id, String ratingId, String department, String issuedBy, Instant issuedAt,
        Instant expiresAt, Instant usedAt, RatingChannel channel) {

    /** The channel a rating with this code is given on. */
    public RatingChannel ratingChannel() {
        return channel == null ? RatingChannel.SERVICE_HALL : channel;
    }
}
