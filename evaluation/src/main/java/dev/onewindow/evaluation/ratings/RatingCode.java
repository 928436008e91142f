package dev.onewindow.evaluation.ratings;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rating code (评价码, the QR on a receipt): lets the applicant rate at the window without signing in. Stored only
 * as the SHA-256 of the code, bound to one rating (one case and stage), valid until {@code expiresAt}, used once.
 *
 * @param id        SHA-256 (hex) of the code
 * @param issuedBy  the window officer who issued it (rated as the case's officer)
 */
@Document("rating_codes")
public record RatingCode(@Id String id, String ratingId, String department, String issuedBy, Instant issuedAt,
        Instant expiresAt, Instant usedAt) {
}
