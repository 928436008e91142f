package dev.onewindow.elicense.license;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Makes issuing idempotent: an issuance key derived from what caused it ({@code case:<caseId>},
 * {@code reissue:<licenceId>}, {@code demo:…}) is bound, once and for all, to one licence id. The first claim wins
 * through the unique {@code _id}; a redelivered event or a retried request gets the same licence id back, and the
 * licence's own unique {@code _id} then turns the second insert into a no-op. A serial drawn by the loser of a race
 * is simply never used.
 */
@Component
class IssuanceClaims {

    private final MongoTemplate mongo;

    IssuanceClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("issuance_claims")
    record IssuanceClaim(@Id String key, String licenseId, Instant claimedAt) {
    }

    /** The licence id bound to {@code key}, if it was claimed. */
    Optional<String> claimed(String key) {
        return Optional.ofNullable(mongo.findById(key, IssuanceClaim.class)).map(IssuanceClaim::licenseId);
    }

    /** The licence id bound to {@code key}, binding {@code newId} if the key is new. */
    String licenseIdFor(String key, Supplier<String> newId, Instant now) {
        IssuanceClaim existing = mongo.findById(key, IssuanceClaim.class);
        if (existing != null) {
            return existing.licenseId();
        }
        try {
            return mongo.insert(new IssuanceClaim(key, newId.get(), now)).licenseId();
        } catch (DuplicateKeyException raced) {
            return mongo.findById(key, IssuanceClaim.class).licenseId();
        }
    }
}
