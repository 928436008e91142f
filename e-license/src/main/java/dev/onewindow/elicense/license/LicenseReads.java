package dev.onewindow.elicense.license;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.onewindow.platform.security.Caller;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Reads of a licence's face by a department with the holder's authorization: each is recorded for the holder
 * (用证记录) and published as {@code license.used}.
 */
@Service
public class LicenseReads {

    private static final int SAVE_ATTEMPTS = 5;

    private final LicenseRepository licenses;
    private final UsageRecordRepository usage;
    private final HolderRefs holders;
    private final Clock clock;

    public LicenseReads(LicenseRepository licenses, UsageRecordRepository usage, HolderRefs holders, Clock clock) {
        this.licenses = licenses;
        this.usage = usage;
        this.holders = holders;
        this.clock = clock;
    }

    /**
     * Who read, for whom and why. {@code readId} makes the record idempotent (one per authorization and licence);
     * {@code disclosedInFull} names the fields of {@code disclosedFields} the reader got unmasked.
     */
    public record Read(String readId, String usedByDepartment, String reader, String caseRef, String purpose,
            String channel, List<String> disclosedFields, List<String> disclosedInFull) {
    }

    public void record(License license, Read read) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        usage.save(new UsageRecord(read.readId(), license.holderRef(), license.id(), license.typeCode(),
                license.issuingRegion(), read.usedByDepartment(), read.reader(), read.caseRef(), read.purpose(), read.channel(),
                read.disclosedFields(), read.disclosedInFull(), now));
        License current = license;
        for (int attempt = 1; ; attempt++) {
            current.recordUse(read.usedByDepartment(), read.caseRef(), read.channel(), read.disclosedFields(),
                    read.disclosedInFull(), now);
            try {
                licenses.save(current);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw e;
                }
                current = licenses.findById(license.id()).orElseThrow(() -> e);
            }
        }
    }

    /** The caller's own licences' reads, newest first. */
    public List<UsageRecord> ofHolder(Caller caller, int limit) {
        List<String> refs = holders.of(caller);
        return refs.isEmpty() ? List.of() : usage.findByHolderRefInOrderByAtDesc(refs, PageRequest.of(0, limit));
    }
}
