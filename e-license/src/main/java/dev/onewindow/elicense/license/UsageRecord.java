package dev.onewindow.elicense.license;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of a licence by someone other than its holder (用证记录), kept for the holder to see: which department,
 * who, for which case and purpose, which fields, when. Field values are never recorded.
 *
 * @param region          the licence's issuing region: the record's region for regional queries and sharding
 * @param disclosedFields every field the reader got
 * @param disclosedInFull those it got in full: the non-personal ones, and the personal ones the holder chose in the
 *                        authorization; the others it saw masked ({@code null} on records from before masking)
 */
@Document("license_usage")
@CompoundIndexes({
        @CompoundIndex(name = "holder_at", def = "{'holderRef': 1, 'at': -1}"),
        // a region's reads, newest first (regional queries; the prefix of a shard key by region)
        @CompoundIndex(name = "region_at", def = "{'region': 1, 'at': -1}")})
public record UsageRecord(@Id String id, String holderRef, String licenseId, String typeCode, String region,
        String usedByDepartment, String reader, String caseRef, String purpose, String channel,
        List<String> disclosedFields, List<String> disclosedInFull, Instant at) {
}
