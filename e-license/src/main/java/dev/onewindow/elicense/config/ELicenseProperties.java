package dev.onewindow.elicense.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * e-license settings ({@code onewindow.elicense.*}); every default is documented in {@code application.yml}.
 *
 * @param authorizationTtl     how long a holder's authorization code can be redeemed (default 10 minutes)
 * @param trustedRedeemers     client ids ({@code azp}) of services that may redeem an authorization on behalf of the
 *                             department named in it (default {@code [case-handling]})
 * @param trustedIssuers       client ids of systems that may issue licences of any department through the API
 *                             (default none: department systems use a token of their own department)
 * @param generateMissingKeys  local profile only: generate and store a department's seal key on first use when none
 *                             is configured (off by default: elsewhere keys come from Secrets, and without any the
 *                             service does not start)
 * @param departmentAlgorithms seal algorithm per department for generated keys ({@code ES256} default, {@code SM2})
 * @param signingKeys          configured seal keys per department code
 * @param statusList           bitstring status list settings
 * @param demo                 demo licences issued at start (local profile only)
 * @param departmentRegions    region code per department code, for the records a department is the party of
 *                             (holder authorizations); a department not listed gets the region of the licences
 *                             concerned (default none: the local profile lists the suite's departments)
 * @param qrTokenTtl           longest a QR token is valid after it is handed out (default a day); its {@code exp} is
 *                             the end of the licence's last valid day (Asia/Shanghai) if that is earlier
 * @param expirySweepInterval  how often licences whose validity ended are announced ({@code license.expired};
 *                             default 5 minutes)
 */
@ConfigurationProperties("onewindow.elicense")
public record ELicenseProperties(Duration authorizationTtl, List<String> trustedRedeemers, List<String> trustedIssuers,
        Boolean generateMissingKeys, Map<String, String> departmentAlgorithms,
        Map<String, DepartmentKeys> signingKeys, StatusList statusList, Demo demo,
        Map<String, String> departmentRegions, Duration qrTokenTtl, Duration expirySweepInterval) {

    public ELicenseProperties {
        authorizationTtl = authorizationTtl == null ? Duration.ofMinutes(10) : authorizationTtl;
        trustedRedeemers = trustedRedeemers == null ? List.of("case-handling") : List.copyOf(trustedRedeemers);
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
        generateMissingKeys = generateMissingKeys != null && generateMissingKeys;
        departmentAlgorithms = departmentAlgorithms == null ? Map.of() : Map.copyOf(departmentAlgorithms);
        signingKeys = signingKeys == null ? Map.of() : Map.copyOf(signingKeys);
        statusList = statusList == null ? new StatusList(null, null) : statusList;
        demo = demo == null ? new Demo(null, null) : demo;
        departmentRegions = departmentRegions == null ? Map.of() : Map.copyOf(departmentRegions);
        qrTokenTtl = qrTokenTtl == null ? Duration.ofDays(1) : qrTokenTtl;
        expirySweepInterval = expirySweepInterval == null ? Duration.ofMinutes(5) : expirySweepInterval;
        if (qrTokenTtl.isNegative() || qrTokenTtl.isZero() || expirySweepInterval.isNegative()
                || expirySweepInterval.isZero()) {
            throw new IllegalArgumentException("onewindow.elicense.qr-token-ttl and expiry-sweep-interval must be "
                    + "positive");
        }
        if (authorizationTtl.isNegative() || authorizationTtl.isZero()) {
            throw new IllegalArgumentException("onewindow.elicense.authorization-ttl must be positive");
        }
        if (departmentRegions.size() > Limits.DEPARTMENTS || !departmentRegions.entrySet().stream().allMatch(e ->
                e.getKey().matches(Limits.DEPARTMENT_CODE) && e.getValue() != null
                        && e.getValue().matches(Limits.REGION))) {
            throw new IllegalArgumentException("onewindow.elicense.department-regions maps at most "
                    + Limits.DEPARTMENTS + " department codes to 6-digit region codes");
        }
    }

    /**
     * A department's configured seal keys. {@code keys} maps a key id to its material; the active one signs new
     * licences, the others stay published so licences they signed remain verifiable after a rotation.
     */
    public record DepartmentKeys(String activeKid, Map<String, KeyEntry> keys) {

        public DepartmentKeys {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }

    /**
     * One key: {@code algorithm} {@code ES256} (default) or {@code SM2}; {@code privateKey} PKCS#8 as PEM or Base64
     * (omitted for a retired key kept only for verification, which then needs {@code publicKey}, X.509
     * SubjectPublicKeyInfo as PEM or Base64).
     */
    public record KeyEntry(String algorithm, String privateKey, String publicKey) {
    }

    /**
     * @param minimumSize bits in a published list at least (W3C Bitstring Status List recommends 131,072 so that one
     *                    licence hides among many); the list grows in steps of this size
     * @param maxAge      how long a built list is served before it is rebuilt even without a known change (changes
     *                    made by this or another instance are normally seen at once)
     */
    public record StatusList(Integer minimumSize, Duration maxAge) {

        public StatusList {
            minimumSize = minimumSize == null ? 131_072 : minimumSize;
            maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
            if (minimumSize < 8 || minimumSize % 8 != 0) {
                throw new IllegalArgumentException("status-list.minimum-size must be a positive multiple of 8");
            }
        }
    }

    /** Demo licences (local stack): issued once at start, idempotently. */
    public record Demo(Boolean enabled, List<DemoLicense> licenses) {

        public Demo {
            enabled = enabled != null && enabled;
            licenses = licenses == null ? List.of() : List.copyOf(licenses);
        }
    }

    public record DemoLicense(String typeCode, String holderIdNumber, String holderUscc, String region,
            Map<String, Object> fields) {
    }
}
