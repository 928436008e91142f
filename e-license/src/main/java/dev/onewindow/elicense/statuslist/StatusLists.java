package dev.onewindow.elicense.statuslist;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.license.Counters;
import dev.onewindow.elicense.license.License;
import dev.onewindow.elicense.license.LicenseStatus;
import dev.onewindow.elicense.seal.Base64Url;
import dev.onewindow.elicense.seal.CanonicalJson;
import dev.onewindow.elicense.seal.KeyRing;
import dev.onewindow.elicense.seal.SigningKey;
import dev.onewindow.platform.domain.DomainException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Signed bitstring status lists per issuing department (W3C Bitstring Status List style), so a verifier can check a
 * licence's status by downloading its issuer's whole list — without telling anyone which licence it looks at. Every
 * licence holds one index ({@code statusListIndex}, also in its QR token); the {@code revocation} list has the bit set
 * for each revoked licence, the {@code suspension} list for each suspended one.
 *
 * <p>The lists are derived from the licences themselves (their stored status), so they can never disagree with
 * them. A built list is cached while the issuer's status revision counter (advanced after every status change, by
 * any instance) and its size are unchanged, and for at most {@code status-list.max-age}.
 */
@Service
public class StatusLists {

    public enum Purpose {
        REVOCATION(LicenseStatus.REVOKED), SUSPENSION(LicenseStatus.SUSPENDED);

        private final LicenseStatus status;

        Purpose(LicenseStatus status) {
            this.status = status;
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Purpose parse(String value) {
            for (Purpose purpose : values()) {
                if (purpose.value().equals(value)) {
                    return purpose;
                }
            }
            throw DomainException.invalid("INVALID_STATUS_PURPOSE", "statusPurpose is revocation or suspension");
        }
    }

    /**
     * A published list. {@code signature}: base64url {@code r || s} by key {@code kid} ({@code alg}) over the
     * canonical JSON (RFC 8785 style, as licences) of every other member.
     */
    public record Published(String issuer, String statusPurpose, int size, String encodedList, Instant validFrom,
            Instant validUntil, String alg, String kid, String signature) {

        /** The bytes the signature covers. */
        public byte[] signedBytes() {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("issuer", issuer);
            content.put("statusPurpose", statusPurpose);
            content.put("size", size);
            content.put("encodedList", encodedList);
            content.put("validFrom", validFrom.toString());
            content.put("validUntil", validUntil.toString());
            content.put("alg", alg);
            content.put("kid", kid);
            return CanonicalJson.bytes(content);
        }
    }

    private record Cached(Published list, long revision) {
    }

    private final MongoTemplate mongo;
    private final Counters counters;
    private final KeyRing keys;
    private final ELicenseProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public StatusLists(MongoTemplate mongo, Counters counters, KeyRing keys, ELicenseProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.counters = counters;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws dev.onewindow.platform.domain.NotFoundException for a department that never issued a licence */
    public Published of(String department, Purpose purpose) {
        long issued = counters.current(Counters.statusIndex(department));
        if (issued == 0) {
            throw DomainException.notFound("status list of department", department);
        }
        long revision = counters.current(Counters.statusRevision(department));
        int size = sizeFor(issued);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String cacheKey = department + "/" + purpose;
        Cached cached = cache.get(cacheKey);
        if (cached != null && cached.revision() == revision && cached.list().size() == size
                && now.isBefore(cached.list().validUntil())) {
            return cached.list();
        }
        Published built = build(department, purpose, size, now);
        cache.put(cacheKey, new Cached(built, revision));
        return built;
    }

    /** The smallest multiple of the minimum size that holds every index handed out. */
    int sizeFor(long issued) {
        long step = properties.statusList().minimumSize();
        long size = ((issued + step - 1) / step) * step;
        if (size > Limits.STATUS_LIST_BITS) {
            throw new IllegalStateException("status list too large");
        }
        return (int) size;
    }

    private Published build(String department, Purpose purpose, int size, Instant now) {
        Query query = Query.query(Criteria.where("issuerDepartment").is(department).and("status").is(purpose.status));
        query.fields().include("statusListIndex");
        Bitstring bits = new Bitstring(size);
        List<Document> entries = mongo.find(query, Document.class, mongo.getCollectionName(License.class));
        for (Document entry : entries) {
            bits.set(((Number) entry.get("statusListIndex")).longValue());
        }
        SigningKey key = keys.activeKey(department);
        Published unsigned = new Published(department, purpose.value(), size, bits.encode(), now,
                now.plus(properties.statusList().maxAge()), key.algorithm().name(), key.kid(), null);
        return new Published(unsigned.issuer(), unsigned.statusPurpose(), unsigned.size(), unsigned.encodedList(),
                unsigned.validFrom(), unsigned.validUntil(), unsigned.alg(), unsigned.kid(),
                Base64Url.encode(key.sign(unsigned.signedBytes())));
    }
}
