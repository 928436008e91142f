package dev.onewindow.elicense.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.license.HolderRefs;
import dev.onewindow.elicense.license.License;
import dev.onewindow.elicense.license.LicenseContent;
import dev.onewindow.elicense.license.LicenseReads;
import dev.onewindow.elicense.license.LicenseRepository;
import dev.onewindow.elicense.license.LicenseService;
import dev.onewindow.elicense.license.LicenseStatus;
import dev.onewindow.elicense.license.Verification;
import dev.onewindow.elicense.licensetype.FieldMask;
import dev.onewindow.elicense.licensetype.FieldSpec;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.elicense.seal.Base64Url;
import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Holder consent (一码通): the holder creates a short-lived, single-use code for a department (and optionally a
 * case), chosen licences and optionally chosen fields; staff of that department, or a trusted service acting for it,
 * redeem it once to read exactly that. A field the licence type marks personal is shown masked ({@link FieldMask})
 * unless the holder named it in the authorization's {@code fields}: "every field" discloses every field, but a
 * person's name, ID number, address … only masked. Every redemption is recorded for the holder (which fields were
 * read, and which of them in full) and published.
 */
@Service
public class AuthorizationService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] STAFF_ROLES = {Roles.WINDOW_OFFICER, Roles.REVIEWER, Roles.APPROVER,
            Roles.DEPT_ADMIN, Roles.DEPT_HANDLER};

    private final MongoTemplate mongo;
    private final LicenseRepository licenses;
    private final LicenseService licenseService;
    private final LicenseTypes types;
    private final Verification verification;
    private final LicenseReads reads;
    private final HolderRefs holders;
    private final ELicenseProperties properties;
    private final Clock clock;

    public AuthorizationService(MongoTemplate mongo, LicenseRepository licenses, LicenseService licenseService,
            LicenseTypes types, Verification verification, LicenseReads reads, HolderRefs holders,
            ELicenseProperties properties, Clock clock) {
        this.mongo = mongo;
        this.licenses = licenses;
        this.licenseService = licenseService;
        this.types = types;
        this.verification = verification;
        this.reads = reads;
        this.holders = holders;
        this.properties = properties;
        this.clock = clock;
    }

    public record Created(String code, Instant expiresAt, List<String> licenseIds, String departmentCode,
            String region, List<String> fields) {
    }

    /**
     * @param fields {@code null} for every field; otherwise names that must exist on at least one chosen licence
     * @throws dev.onewindow.platform.domain.NotAllowedException for a caller who holds no licences
     * @throws dev.onewindow.platform.domain.NotFoundException   when a licence is not the caller's
     * @throws dev.onewindow.platform.domain.InvalidInputException {@code UNKNOWN_LICENSE_FIELD} for a field none of
     *                                                        the chosen licences has
     */
    public Created create(Caller caller, String departmentCode, String caseRef, String purpose,
            List<String> licenseIds, List<String> fields) {
        List<String> refs = holders.of(caller);
        if (refs.isEmpty()) {
            throw DomainException.notAllowed("only a licence holder can authorize the use of licences");
        }
        Set<String> ids = new LinkedHashSet<>(licenseIds);
        Set<String> knownFields = new LinkedHashSet<>();
        Set<String> holderRefs = new LinkedHashSet<>();
        Set<String> licenceRegions = new LinkedHashSet<>();
        for (String id : ids) {
            License license = licenses.findById(id).filter(l -> refs.contains(l.holderRef()))
                    .orElseThrow(() -> DomainException.notFound("licence", id));
            holderRefs.add(license.holderRef());
            licenceRegions.add(license.issuingRegion());
            types.find(license.typeCode()).ifPresent(t -> t.fields().forEach(f -> knownFields.add(f.name())));
        }
        if (fields != null) {
            List<String> unknown = fields.stream().filter(f -> !knownFields.contains(f)).toList();
            if (!unknown.isEmpty()) {
                throw DomainException.invalid("UNKNOWN_LICENSE_FIELD",
                        "none of the chosen licences has the field(s) " + unknown);
            }
        }
        Instant now = now();
        String code = newCode();
        String region = properties.departmentRegions().getOrDefault(departmentCode, covering(licenceRegions));
        HolderAuthorization authorization = new HolderAuthorization(hash(code), List.copyOf(holderRefs),
                departmentCode, region, caseRef, purpose, List.copyOf(ids), fields == null ? null
                        : List.copyOf(new LinkedHashSet<>(fields)), now, now.plus(properties.authorizationTtl()),
                null, null, null);
        mongo.insert(authorization);
        return new Created(code, authorization.expiresAt(), authorization.licenseIds(), departmentCode, region,
                authorization.fields());
    }

    /**
     * The smallest region covering all of {@code regions} (GB/T 2260: one district, else their city {@code xxxx00},
     * else their province {@code xx0000}); the first one when they lie in different provinces.
     */
    static String covering(Set<String> regions) {
        String first = regions.iterator().next();
        if (regions.size() == 1) {
            return first;
        }
        if (regions.stream().allMatch(r -> r.regionMatches(0, first, 0, 4))) {
            return first.substring(0, 4) + "00";
        }
        if (regions.stream().allMatch(r -> r.regionMatches(0, first, 0, 2))) {
            return first.substring(0, 2) + "0000";
        }
        return first;
    }

    /**
     * One licence as the redeeming department reads it: {@code fields} with the personal ones the holder did not
     * choose masked, {@code maskedFields} naming those.
     */
    public record RedeemedLicense(String licenseId, String typeCode, LicenseStatus status, boolean signatureValid,
            String holderRef, LocalDate validUntil, Map<String, Object> fields, List<String> maskedFields) {
    }

    /**
     * @throws dev.onewindow.platform.domain.NotAllowedException for a caller who may not act for
     *                                                       {@code departmentCode}
     * @throws dev.onewindow.platform.domain.NotFoundException   for an unknown code, or one for another department or
     *                                                       case
     * @throws ConflictException {@code AUTHORIZATION_USED}
     * @throws dev.onewindow.platform.domain.ExpiredException    {@code AUTHORIZATION_EXPIRED}
     */
    public List<RedeemedLicense> redeem(Caller caller, String code, String departmentCode, String caseRef) {
        boolean trustedService = caller.clientId() != null
                && properties.trustedRedeemers().contains(caller.clientId());
        boolean departmentStaff = caller.hasAnyRole(STAFF_ROLES) && caller.inDepartment(departmentCode);
        if (!trustedService && !departmentStaff) {
            throw DomainException.notAllowed("only staff of " + departmentCode
                    + ", or a trusted service acting for it, may redeem its authorizations");
        }
        String id = hash(code);
        HolderAuthorization authorization = mongo.findById(id, HolderAuthorization.class);
        if (authorization == null || !authorization.departmentCode().equals(departmentCode)
                || (authorization.caseRef() != null && !authorization.caseRef().equals(caseRef))) {
            throw DomainException.notFound("authorization", "code");
        }
        Instant now = now();
        requireRedeemable(authorization, now);
        String reader = caller.username() != null ? caller.username() : caller.clientId();
        // single use, also under concurrent redemptions: only the update that finds it unused and unexpired wins
        var consumed = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("redeemedAt").is(null)
                        .and("expiresAt").gt(now)),
                new Update().set("redeemedAt", now).set("redeemedBy", reader).set("redeemedCaseRef", caseRef),
                HolderAuthorization.class);
        if (consumed.getModifiedCount() == 0) {
            requireRedeemable(mongo.findById(id, HolderAuthorization.class), now);
            throw used();
        }
        List<RedeemedLicense> result = new ArrayList<>();
        for (String licenseId : authorization.licenseIds()) {
            License license = licenses.findById(licenseId).orElse(null);
            if (license == null) {
                continue;
            }
            LicenseContent content = licenseService.content(license);
            Optional<LicenseType> type = types.find(license.typeCode());
            Map<String, Object> disclosed = new LinkedHashMap<>();
            List<String> inFull = new ArrayList<>();
            List<String> masked = new ArrayList<>();
            content.fields().forEach((name, value) -> {
                boolean chosen = authorization.fields() != null && authorization.fields().contains(name);
                if (authorization.fields() != null && !chosen) {
                    return;
                }
                // personal data (个人信息保护法 §6, minimum necessary) is shown in full only when the holder chose
                // that very field; a field the catalogue no longer describes counts as personal
                Optional<FieldSpec> spec = type.flatMap(t -> t.field(name));
                boolean personal = spec.map(FieldSpec::personal).orElse(true);
                if (personal && !chosen) {
                    disclosed.put(name, spec.map(s -> s.maskedIfPersonal(value))
                            .orElseGet(() -> FieldMask.ALL.apply(value)));
                    masked.add(name);
                } else {
                    disclosed.put(name, value);
                    inFull.add(name);
                }
            });
            Verification.Result verified = verification.byId(licenseId);
            reads.record(license, new LicenseReads.Read(id + ":" + licenseId, departmentCode, reader, caseRef,
                    authorization.purpose(), License.CHANNEL_AUTHORIZATION, List.copyOf(disclosed.keySet()),
                    List.copyOf(inFull)));
            result.add(new RedeemedLicense(licenseId, license.typeCode(), verified.status(),
                    verified.signatureValid(), license.holderRef(), license.validUntil(), disclosed,
                    List.copyOf(masked)));
        }
        return result;
    }

    private static void requireRedeemable(HolderAuthorization authorization, Instant now) {
        if (authorization == null) {
            throw DomainException.notFound("authorization", "code");
        }
        if (authorization.redeemedAt() != null) {
            throw used();
        }
        if (!now.isBefore(authorization.expiresAt())) {
            throw DomainException.expired("AUTHORIZATION_EXPIRED",
                    "the authorization expired; ask the holder for a new one")
                    .with("expiresAt", authorization.expiresAt().toString());
        }
    }

    private static ConflictException used() {
        return DomainException.conflict("AUTHORIZATION_USED", "the authorization was already used; it is single-use");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** 256 random bits, base64url: unguessable, and short enough for a QR code. */
    private static String newCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
