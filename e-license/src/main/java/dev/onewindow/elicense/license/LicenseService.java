package dev.onewindow.elicense.license;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.elicense.seal.Base64Url;
import dev.onewindow.elicense.seal.KeyRing;
import dev.onewindow.elicense.seal.SigningKey;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Issues licences (from a case approval, a department system, a reissue or demo data) and changes their status.
 * Every issue goes through one path: validate the face against the type, bind the licence id to the issuance key
 * (idempotency), draw a status-list index, seal, store with its {@code license.issued} event in one insert.
 */
@Service
public class LicenseService {

    private static final Logger log = LoggerFactory.getLogger(LicenseService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SAVE_ATTEMPTS = 3;

    private final LicenseRepository licenses;
    private final LicenseTypes types;
    private final KeyRing keys;
    private final Sealer sealer;
    private final Counters counters;
    private final IssuanceClaims claims;
    private final LicenseAccess access;
    private final HolderRefs holders;
    private final ELicenseProperties properties;
    private final Clock clock;

    public LicenseService(LicenseRepository licenses, LicenseTypes types, KeyRing keys, Sealer sealer,
            Counters counters, IssuanceClaims claims, LicenseAccess access, HolderRefs holders,
            ELicenseProperties properties, Clock clock) {
        this.licenses = licenses;
        this.types = types;
        this.keys = keys;
        this.sealer = sealer;
        this.counters = counters;
        this.claims = claims;
        this.access = access;
        this.holders = holders;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What to issue.
     *
     * @param rejectUnknownFields API requests are strict; events are read leniently and drop unknown fields
     * @param validFrom           first valid day; {@code null} for today (a past date digitises an existing paper
     *                            licence with its original validity)
     * @param issuerDepartment    one of the type's issuing departments; {@code null} for its primary one
     * @param issuanceKey         idempotency key derived from the cause ({@code case:<id>}), or {@code null}
     */
    public record IssueCommand(String typeCode, String issuerDepartment, String holderRef, Map<String, ?> fields,
            boolean rejectUnknownFields, String region, LocalDate validFrom, String caseId, String issuanceKey,
            String issuedBy) {
    }

    /** The licence, and whether this call created it (false: the issuance key had already issued it). */
    public record Issued(License license, boolean created) {
    }

    public Issued issue(IssueCommand command) {
        LicenseType type = types.require(command.typeCode());
        String department = command.issuerDepartment() != null ? command.issuerDepartment()
                : type.primaryDepartment();
        if (!type.issuedBy(department)) {
            throw DomainException.invalid("NOT_AN_ISSUER", department + " does not issue " + type.code()
                    + " (issuers: " + type.issuingDepartments() + ")");
        }
        if (command.holderRef() == null || !command.holderRef().matches(Limits.HOLDER_REF)) {
            throw DomainException.invalid("INVALID_HOLDER_REF", "the holder is a holderRef: the cluster-wide keyed "
                    + "hash of an ID number or credit code, 64 lowercase hex digits");
        }
        if (command.region() == null || !command.region().matches(Limits.REGION)) {
            // the region is part of the licence id
            throw DomainException.invalid("INVALID_REGION", "the issuing region is a 6-digit region code");
        }
        Map<String, Object> fields = type.validate(command.fields(), command.rejectUnknownFields());
        Instant now = now();
        LocalDate from = command.validFrom() != null ? command.validFrom() : today(now);
        return issue(type, department, command.holderRef(), fields, command.region(), from,
                type.validUntil(from).orElse(null), 1, null, command.caseId(), command.issuanceKey(),
                command.issuedBy(), now);
    }

    private Issued issue(LicenseType type, String department, String holderRef, Map<String, Object> fields,
            String region,
            LocalDate validFrom, LocalDate validUntil, int version, String previousLicenseId, String caseId,
            String issuanceKey, String issuedBy, Instant now) {
        String licenseId = issuanceKey == null ? newLicenseId(type, region)
                : claims.licenseIdFor(issuanceKey, () -> newLicenseId(type, region), now);
        if (issuanceKey != null) {
            // a fresh serial cannot exist yet; a claimed id may already have been issued (redelivery, retry)
            Optional<License> existing = licenses.findById(licenseId);
            if (existing.isPresent()) {
                return new Issued(existing.get(), false);
            }
        }
        SigningKey key = keys.activeKey(department);
        long statusListIndex = counters.next(Counters.statusIndex(department)) - 1;
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        LicenseContent content = new LicenseContent(licenseId, type.code(), holderRef, fields, department, region,
                validFrom, validUntil, version, previousLicenseId, now, key.algorithm().name(), key.kid(),
                Base64Url.encode(salt));
        License license = License.issue(content, sealer.seal(content, key), statusListIndex, caseId,
                issuedBy);
        try {
            License saved = licenses.insert(license);
            log.info("issued licence {} (type {}, version {}, key {})", licenseId, type.code(), version, key.kid());
            return new Issued(saved, true);
        } catch (DuplicateKeyException raced) {
            // the same issuance key was being issued concurrently and the other one stored first
            return new Issued(licenses.findById(licenseId).orElseThrow(() -> raced), false);
        }
    }

    /** The licence an issuance key ({@code case:<caseId>} …) has issued, if any. */
    public Optional<License> issuedFor(String issuanceKey) {
        return claims.claimed(issuanceKey).flatMap(licenses::findById);
    }

    /** {@code <type code><issuing region><8-digit serial per type and region>}, e.g. {@code YYZZ34130000000042}. */
    private String newLicenseId(LicenseType type, String region) {
        long serial = counters.next("serial:" + type.code() + ":" + region);
        if (serial > 99_999_999L) {
            throw new IllegalStateException("licence serials of " + type.code() + " in " + region + " are exhausted");
        }
        return type.code() + region + String.format("%08d", serial);
    }

    public License suspend(String licenseId, Caller caller, String reason) {
        return changeStatus(licenseId, caller, license -> license.suspend(who(caller), reason, today(now()), now()));
    }

    public License reinstate(String licenseId, Caller caller, String reason) {
        return changeStatus(licenseId, caller, license -> license.reinstate(who(caller), reason, today(now()), now()));
    }

    public License revoke(String licenseId, Caller caller, String reason) {
        return changeStatus(licenseId, caller,
                license -> license.revoke(who(caller), reason, null, today(now()), now()));
    }

    /**
     * A change of the face: a new licence (version + 1, same holder, issuer and end of validity, linked to this one)
     * is sealed and stored first, then this one is revoked pointing to it. A retry after a failure between the two
     * finds the same successor (issuance key {@code reissue:<id>}) and completes the revocation.
     *
     * @param changes fields to set; a {@code null} value removes an optional field
     */
    public License reissue(String licenseId, Caller caller, Map<String, Object> changes, String reason) {
        License old = licenses.findById(licenseId).orElseThrow(() -> DomainException.notFound("licence", licenseId));
        access.requireMayManage(caller, old);
        Instant now = now();
        old.requireReissuable(today(now));
        LicenseType type = types.require(old.typeCode());
        Map<String, Object> merged = new HashMap<>(sealer.open(old).fields());
        changes.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        Map<String, Object> fields = type.validate(merged, true);
        Issued successor = issue(type, old.issuerDepartment(), old.holderRef(), fields, old.issuingRegion(),
                today(now), old.validUntil(),
                old.licenseVersion() + 1, old.id(), old.caseId(), "reissue:" + old.id(), who(caller), now);
        String successorId = successor.license().id();
        changeStatus(licenseId, caller, license -> {
            if (license.storedStatus() != LicenseStatus.REVOKED) {
                license.revoke(who(caller), reason == null ? "reissued as " + successorId : reason, successorId,
                        today(now()), now());
            }
        });
        return successor.license();
    }

    private License changeStatus(String licenseId, Caller caller, Consumer<License> change) {
        for (int attempt = 1; ; attempt++) {
            License license = licenses.findById(licenseId)
                    .orElseThrow(() -> DomainException.notFound("licence", licenseId));
            access.requireMayManage(caller, license);
            change.accept(license);
            try {
                License saved = licenses.save(license);
                // tells every instance's status-list cache that the issuer's list changed
                counters.next(Counters.statusRevision(license.issuerDepartment()));
                return saved;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The caller's own licences (as holder), newest first. */
    public List<License> ofHolder(Caller caller, int limit) {
        List<String> refs = holders.of(caller);
        if (refs.isEmpty()) {
            return List.of();
        }
        return licenses.findByHolderRefInOrderByIssuedAtDesc(refs, PageRequest.of(0, limit));
    }

    /** A licence as its holder sees it (face included); another holder's licence is not found. */
    public Optional<License> ownedBy(Caller caller, String licenseId) {
        List<String> refs = holders.of(caller);
        return licenses.findById(licenseId).filter(l -> refs.contains(l.holderRef()));
    }

    /** A licence as staff of its issuing department see it (record only); anyone else finds nothing. */
    public Optional<License> administeredBy(Caller caller, String licenseId) {
        return licenses.findById(licenseId).filter(l -> access.mayAdminister(caller, l));
    }

    public LicenseContent content(License license) {
        return sealer.open(license);
    }

    /**
     * A fresh QR token for the licence: made now, valid until the end of its last valid day (Asia/Shanghai) or for
     * {@code onewindow.elicense.qr-token-ttl}, whichever is earlier (so an expired licence gets a token that has
     * expired too). Signed by the key that sealed the licence, or — once that key is retired and can only verify —
     * by the issuing department's active key. Empty when no key of the department can sign.
     */
    public Optional<String> qrToken(License license) {
        Instant now = now();
        Instant expiresAt = now.plus(properties.qrTokenTtl());
        if (license.validUntil() != null && License.endOfValidity(license.validUntil()).isBefore(expiresAt)) {
            expiresAt = License.endOfValidity(license.validUntil());
        }
        Optional<SigningKey> key = keys.find(license.seal().kid()).filter(SigningKey::canSign);
        if (key.isEmpty()) {
            try {
                key = Optional.of(keys.activeKey(license.issuerDepartment()));
            } catch (DomainException noKey) {
                log.warn("no seal key of {} can sign a QR token for licence {}", license.issuerDepartment(),
                        license.id());
                return Optional.empty();
            }
        }
        return Optional.of(sealer.qrToken(license, key.get(), now, expiresAt));
    }

    public LocalDate today() {
        return today(now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, WorkingDayCalendar.ZONE);
    }

    private static String who(Caller caller) {
        return caller.username() != null ? caller.username() : caller.clientId();
    }
}
