package dev.onewindow.dataexchange.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.accesslog.AccessLog;
import dev.onewindow.dataexchange.accesslog.AccessLogEntry;
import dev.onewindow.dataexchange.accesslog.ChainHash;
import dev.onewindow.dataexchange.accesslog.Outcome;
import dev.onewindow.dataexchange.datasets.DatasetService;
import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.grants.GrantService;
import dev.onewindow.dataexchange.resources.AccessMode;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.ResourceField;
import dev.onewindow.dataexchange.resources.ResourceService;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.NotAllowedException;
import dev.onewindow.platform.domain.UnavailableException;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.security.Caller;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * 共享交换: a consumer's system queries a resource under its department's grant — never the provider directly. The
 * grant must be live (403 otherwise, logged as DENIED), within its quota (429), the key a value of the key field's
 * type; the provider's system answers through its adapter, or the pushed dataset is read; the answer keeps only the
 * grant's fields, personal ones masked unless granted. Every access is appended to the hash-chained log before the
 * answer leaves — also a provider that could not answer (FAILED, then 503).
 */
@Service
public class ExchangeService {

    private final GrantService grants;
    private final ResourceService resources;
    private final DatasetService datasets;
    private final ProviderSystems providers;
    private final Quotas quotas;
    private final AccessLog log;
    private final LookupHasher hasher;
    private final JsonMapper json;
    private final Clock clock;

    ExchangeService(GrantService grants, ResourceService resources, DatasetService datasets,
            ProviderSystems providers, Quotas quotas, AccessLog log, LookupHasher hasher, JsonMapper json,
            Clock clock) {
        this.grants = grants;
        this.resources = resources;
        this.datasets = datasets;
        this.providers = providers;
        this.quotas = quotas;
        this.log = log;
        this.hasher = hasher;
        this.json = json;
        this.clock = clock;
    }

    /** The answer to one query, with the log entry that proves it. */
    public record Answer(String accessId, String hash, Grant grant, List<Map<String, Object>> records) {
    }

    public Answer query(String grantId, String keyValue, Caller consumer) {
        Instant now = clock.instant();
        Grant grant;
        try {
            grant = grants.forQuery(grantId, consumer, now);
        } catch (NotAllowedException refused) {
            log.append(new AccessLogEntry.Draft(consumer.dept(), consumer.clientId(), grantId, null, null,
                    regionOf(consumer), null, List.of(), null, Outcome.DENIED, refused.code(), 0, null));
            throw refused;
        }
        quotas.acquire(grant);
        DataResource resource = resources.forQuery(grant.resourceCode());
        ResourceField key = resource.field(resource.keyField()).orElseThrow();
        Object value = key.type().check("key", key.type() == dev.onewindow.dataexchange.resources.FieldType.NUMBER
                ? number(keyValue) : keyValue);
        if (value == null) {
            throw DomainException.invalid("KEY_REQUIRED", "a query names the value of " + key.name());
        }
        String queryDigest = hasher.hash(resource.code() + "/" + key.name() + "/" + value);
        List<String> criteria = List.of(key.name());
        List<Map<String, Object>> found;
        try {
            found = resource.accessMode() == AccessMode.DATASET
                    ? datasets.find(resource, value).map(List::of).orElse(List.of())
                    : providers.query(resource.adapter(), resource.code(), key.name(), value);
        } catch (UnavailableException down) {
            log.append(draft(consumer, grant, resource, criteria, queryDigest, Outcome.FAILED, down.code(), 0, null));
            throw down;
        }
        List<Map<String, Object>> answered = found.stream().map(r -> RecordFilter.apply(r, resource, grant)).toList();
        String resultHash = ChainHash.of(json.writeValueAsBytes(answered));
        AccessLogEntry entry = log.append(draft(consumer, grant, resource, criteria, queryDigest, Outcome.OK, null,
                answered.size(), resultHash));
        return new Answer(entry.id(), entry.hash(), grant, answered);
    }

    private static Object number(String text) {
        try {
            return new java.math.BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("INVALID_VALUE", "the key is not a number").with("field", "key");
        }
    }

    private static AccessLogEntry.Draft draft(Caller consumer, Grant grant, DataResource resource,
            List<String> criteria, String queryDigest, Outcome outcome, String code, int count, String resultHash) {
        return new AccessLogEntry.Draft(consumer.dept(), consumer.clientId(), grant.id(), resource.code(),
                resource.providerDepartment(), grant.regionCode(), Masking.inText(grant.purpose()), criteria,
                queryDigest, outcome, code, count, resultHash);
    }

    private static String regionOf(Caller consumer) {
        return consumer.region() == null ? "000000" : consumer.region();
    }
}
