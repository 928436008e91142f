package dev.onewindow.elicense.authorization;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A holder's consent (扫码授权): the named department may read the chosen licences (optionally only the chosen
 * fields), once, before {@code expiresAt}. Stored under the SHA-256 of the code, never the code itself, so a copy of
 * the database cannot be used to redeem anything.
 *
 * @param fields {@code null}: every field of the chosen licences
 * @param caseRef when set, only a redemption for this case matches
 * @param region  the region of the department it names ({@code onewindow.elicense.department-regions}), or, for a
 *                department e-license does not know, the region of the chosen licences (the smallest region
 *                covering all of them): the record's region for regional queries and sharding, as every record has
 */
@Document("authorizations")
// a region's authorizations, newest first (regional queries; the prefix of a shard key by region)
@CompoundIndex(name = "region_created", def = "{'region': 1, 'createdAt': -1}")
record HolderAuthorization(@Id String codeHash, List<String> holderRefs, String departmentCode, String region,
        String caseRef,
        String purpose, List<String> licenseIds, List<String> fields, Instant createdAt,
        // expired authorizations are removed a day after expiry; they are useless by then
        @Indexed(name = "expired_cleanup", expireAfter = "1d") Instant expiresAt,
        Instant redeemedAt, String redeemedBy, String redeemedCaseRef) {
}
