package dev.onewindow.elicense.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An electronic licence (电子证照): sealed by its issuing department at issue, then only its status changes. Any
 * change of its content is a new licence (a new version, linked both ways) and the revocation of this one.
 *
 * <p>The face fields live only inside the sealed canonical form ({@link Seal#content()}, encrypted): one source of
 * truth that cannot drift from what was signed. The plain fields here are what queries and status need.
 */
@Document("licenses")
@CompoundIndexes({
        // the holder's own licences, newest first
        @CompoundIndex(name = "holder_issued", def = "{'holderRef': 1, 'issuedAt': -1}"),
        // building an issuer's status list: its revoked / suspended licences
        @CompoundIndex(name = "issuer_status", def = "{'issuerDepartment': 1, 'status': 1}"),
        // one bit per licence in its issuer's status list
        @CompoundIndex(name = "issuer_status_index", def = "{'issuerDepartment': 1, 'statusListIndex': 1}",
                unique = true)})
public class License extends AggregateRoot {

    public static final String CHANNEL_AUTHORIZATION = "AUTHORIZATION";

    @Id
    private String id;
    private String typeCode;
    private String holderRef;
    private String issuerDepartment;
    private String region;
    private int licenseVersion;
    private String previousLicenseId;
    private String supersededBy;
    private String caseId;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private Instant issuedAt;
    private String issuedBy;
    private LicenseStatus status;
    private long statusListIndex;
    // when the validity ends, until license.expired is announced: the expiry sweep's index (a licence that is
    // permanent, revoked or already announced has none, so the sparse index holds only those still to come)
    @Indexed(name = "next_expiry", sparse = true)
    private Instant nextExpiryAt;
    private Instant expiryAnnouncedAt;
    private Seal seal;
    private List<StatusChange> history = new ArrayList<>();

    /** A licence sealed over {@code content}; registers {@code license.issued}. */
    static License issue(LicenseContent content, Seal seal, long statusListIndex, String caseId, String issuedBy) {
        License license = new License();
        license.id = content.licenseId();
        license.typeCode = content.typeCode();
        license.holderRef = content.holderRef();
        license.issuerDepartment = content.issuerDepartment();
        license.region = content.region();
        license.licenseVersion = content.version();
        license.previousLicenseId = content.previousLicenseId();
        license.caseId = caseId;
        license.validFrom = content.validFrom();
        license.validUntil = content.validUntil();
        license.issuedAt = content.issuedAt();
        license.issuedBy = issuedBy;
        license.status = LicenseStatus.VALID;
        license.statusListIndex = statusListIndex;
        license.nextExpiryAt = license.validUntil == null ? null : endOfValidity(license.validUntil);
        license.seal = seal;
        license.history.add(new StatusChange(null, LicenseStatus.VALID, content.issuedAt(), issuedBy, "issued"));
        license.registerEvent("license.issued", new LicenseIssued(license.id, license.typeCode, license.licenseVersion,
                caseId, license.previousLicenseId, license.issuerDepartment, license.region, license.validFrom,
                license.validUntil), content.issuedAt());
        return license;
    }

    /** The instant a licence whose last valid day is {@code validUntil} expires: that day's end, Asia/Shanghai. */
    public static Instant endOfValidity(LocalDate validUntil) {
        return validUntil.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
    }

    /**
     * Announces, once, that the validity has ended ({@code license.expired}) when it has by {@code now}; a revoked
     * licence is not announced (revocation is final and was announced itself).
     *
     * @return whether {@code license.expired} was registered
     */
    boolean expire(Instant now) {
        if (nextExpiryAt == null || now.isBefore(nextExpiryAt)) {
            return false;
        }
        nextExpiryAt = null;
        if (status == LicenseStatus.REVOKED || expiryAnnouncedAt != null) {
            return false;
        }
        expiryAnnouncedAt = now;
        registerEvent("license.expired", new LicenseExpired(id, typeCode, issuerDepartment, region, validUntil), now);
        return true;
    }

    /**
     * For a licence stored before the expiry index: schedules the announcement of its expiry, unless it is
     * permanent, revoked or announced already.
     *
     * @return whether anything changed
     */
    boolean scheduleExpiry() {
        if (nextExpiryAt != null || expiryAnnouncedAt != null || validUntil == null
                || status == LicenseStatus.REVOKED) {
            return false;
        }
        nextExpiryAt = endOfValidity(validUntil);
        return true;
    }

    /** The status on {@code today} (Asia/Shanghai date): revoked is final, then expiry, then the stored status. */
    public LicenseStatus statusOn(LocalDate today) {
        if (status == LicenseStatus.REVOKED) {
            return LicenseStatus.REVOKED;
        }
        if (validUntil != null && today.isAfter(validUntil)) {
            return LicenseStatus.EXPIRED;
        }
        return status;
    }

    void suspend(String by, String reason, LocalDate today, Instant now) {
        LicenseStatus current = statusOn(today);
        if (current != LicenseStatus.VALID) {
            throw DomainException.illegalState(current, "suspend");
        }
        change(LicenseStatus.SUSPENDED, by, reason, now);
        registerEvent("license.suspended", new LicenseSuspended(id, typeCode, issuerDepartment, region), now);
    }

    void reinstate(String by, String reason, LocalDate today, Instant now) {
        if (status != LicenseStatus.SUSPENDED) {
            // a revoked licence can never come back; a valid one has nothing to reinstate
            throw DomainException.illegalState(statusOn(today), "reinstate");
        }
        change(LicenseStatus.VALID, by, reason, now);
        registerEvent("license.reinstated", new LicenseReinstated(id, typeCode, issuerDepartment, region), now);
    }

    /** Final. {@code successor} is the new version when a change of content caused the revocation. */
    void revoke(String by, String reason, String successor, LocalDate today, Instant now) {
        if (status == LicenseStatus.REVOKED) {
            throw DomainException.illegalState(LicenseStatus.REVOKED, "revoke");
        }
        change(LicenseStatus.REVOKED, by, reason, now);
        supersededBy = successor;
        nextExpiryAt = null;
        registerEvent("license.revoked", new LicenseRevoked(id, typeCode, issuerDepartment, region, successor), now);
    }

    /** A content change is only possible on a licence that is still in force. */
    void requireReissuable(LocalDate today) {
        LicenseStatus current = statusOn(today);
        if (current == LicenseStatus.REVOKED || current == LicenseStatus.EXPIRED) {
            throw DomainException.illegalState(current, "reissue");
        }
    }

    /** Records a read of the licence by a department (用证记录) as {@code license.used}. */
    void recordUse(String usedByDepartment, String caseRef, String channel, List<String> disclosedFields,
            List<String> disclosedInFull, Instant now) {
        registerEvent("license.used", new LicenseUsed(id, typeCode, issuerDepartment, region, usedByDepartment,
                caseRef, channel, List.copyOf(disclosedFields), List.copyOf(disclosedInFull)), now);
    }

    private void change(LicenseStatus to, String by, String reason, Instant now) {
        history.add(new StatusChange(status, to, now, by, reason));
        status = to;
    }

    @Override
    protected String aggregateType() {
        return "license";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String typeCode() { return typeCode; }
    public String holderRef() { return holderRef; }
    public String issuerDepartment() { return issuerDepartment; }
    public String issuingRegion() { return region; }
    public int licenseVersion() { return licenseVersion; }
    public String previousLicenseId() { return previousLicenseId; }
    public String supersededBy() { return supersededBy; }
    public String caseId() { return caseId; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public Instant issuedAt() { return issuedAt; }
    public LicenseStatus storedStatus() { return status; }
    public long statusListIndex() { return statusListIndex; }
    public Instant nextExpiryAt() { return nextExpiryAt; }
    public Instant expiryAnnouncedAt() { return expiryAnnouncedAt; }
    public Seal seal() { return seal; }
    public List<StatusChange> history() { return Collections.unmodifiableList(history); }
}
