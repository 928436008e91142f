package dev.onewindow.dataexchange.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.onewindow.dataexchange.Limits;
import dev.onewindow.platform.calendar.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * data-exchange settings ({@code onewindow.dataexchange.*}); every default is documented in {@code application.yml}
 * and in docs/domain.md with the rule it follows.
 *
 * @param decisionLimit     有条件共享: the providing department answers a request within this (国发〔2016〕51号: 10
 *                          working days)
 * @param objectionLimit    数据疑义: the providing department answers an objection within this (5 working days)
 * @param maxGrantPeriod    the longest a grant may run (a request's period is capped to it)
 * @param defaultQuota      a grant's rate quota when the request and the decision name none: queries per
 *                          {@code quotaPeriod}
 * @param quotaPeriod       the period a grant's quota counts in
 * @param sweepInterval     how often expired grants are announced
 * @param sweepBatch        how many grants one sweep expires at most
 * @param maxPageSize       the largest page a list answers
 * @param accessLog         the hash-chained access log
 * @param providers         the registered provider adapters (API resources name one): name to base URL
 * @param demoProvider      LOCAL PROFILE ONLY: the demo 市场监管 enterprise-registration provider endpoint
 * @param queryCacheTtl     how long a query's grant and resource are kept in memory (a revocation or change made
 *                          through another replica is seen within this; through this one at once); 0 = not kept
 */
@ConfigurationProperties("onewindow.dataexchange")
public record DataExchangeProperties(String decisionLimit, String objectionLimit, Duration maxGrantPeriod,
        Integer defaultQuota, Duration quotaPeriod, Duration sweepInterval, Integer sweepBatch, Integer maxPageSize,
        AccessLog accessLog, Map<String, Provider> providers, DemoProvider demoProvider, Duration queryCacheTtl) {

    private static final Pattern LIMIT = Pattern.compile("(\\d{1,4})(h|wd)");

    public DataExchangeProperties {
        decisionLimit = decisionLimit == null ? "10wd" : decisionLimit;
        objectionLimit = objectionLimit == null ? "5wd" : objectionLimit;
        maxGrantPeriod = maxGrantPeriod == null ? Duration.ofDays(366) : maxGrantPeriod;
        defaultQuota = defaultQuota == null ? 600 : defaultQuota;
        quotaPeriod = quotaPeriod == null ? Duration.ofMinutes(1) : quotaPeriod;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(5) : sweepInterval;
        sweepBatch = sweepBatch == null ? 200 : sweepBatch;
        maxPageSize = maxPageSize == null ? Limits.PAGE_SIZE : maxPageSize;
        accessLog = accessLog == null ? new AccessLog(null, null, null) : accessLog;
        providers = providers == null ? Map.of() : new LinkedHashMap<>(providers);
        demoProvider = demoProvider == null ? new DemoProvider(false, null) : demoProvider;
        queryCacheTtl = queryCacheTtl == null ? Duration.ofSeconds(1) : queryCacheTtl;
        parse(decisionLimit);
        parse(objectionLimit);
        if (defaultQuota < 1 || quotaPeriod.isNegative() || quotaPeriod.isZero()) {
            throw new IllegalArgumentException("onewindow.dataexchange: default-quota ≥ 1 and a positive quota-period");
        }
        for (String name : providers.keySet()) {
            if (!name.matches(Limits.ADAPTER)) {
                throw new IllegalArgumentException("onewindow.dataexchange.providers: '" + name
                        + "' is not a lower-case adapter name");
            }
        }
    }

    /**
     * The access log.
     *
     * @param lanes              independent hash chains appends are spread over (each with its own head)
     * @param checkpointInterval how often the heads of every lane are signed and published (access-log.sealed)
     * @param signingKey         the ES256 key that signs the heads; required outside the local profile
     */
    public record AccessLog(Integer lanes, Duration checkpointInterval, SigningKey signingKey) {

        public AccessLog {
            lanes = lanes == null ? 8 : lanes;
            checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
            if (lanes < 1 || lanes > Limits.MAX_LANES) {
                throw new IllegalArgumentException("onewindow.dataexchange.access-log.lanes: 1.." + Limits.MAX_LANES);
            }
        }
    }

    /**
     * The key the chain heads are signed with, in the shape e-license's seal keys are configured in.
     *
     * @param kid        the key's id, published with every signed head
     * @param privateKey PKCS#8 PEM or Base64 of a P-256 private key (from a Secret)
     * @param publicKey  X.509 PEM or Base64 of its public key (published with the heads)
     */
    public record SigningKey(String kid, String privateKey, String publicKey) {
    }

    /** A provider's system data-exchange queries for an API resource. */
    public record Provider(String url) {
    }

    /**
     * @param enabled whether this service also answers as the demo 市场监管 provider (local profile only)
     * @param latency how long the demo provider takes to answer, standing in for a provider's system across the
     *                government network (0 = at once; the benchmark measures both)
     */
    public record DemoProvider(boolean enabled, Duration latency) {

        public DemoProvider {
            latency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
        }
    }

    /** {@code 10wd} (working days on the calendar) or {@code 48h} (wall-clock hours) as a {@link Limit}. */
    public static Limit parse(String value) {
        var m = LIMIT.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("onewindow.dataexchange: '" + value + "' is not <n>wd or <n>h");
        }
        int amount = Integer.parseInt(m.group(1));
        return m.group(2).equals("h") ? Limit.hours(amount) : Limit.workingDays(amount);
    }

    public Limit decision() {
        return parse(decisionLimit);
    }

    public Limit objection() {
        return parse(objectionLimit);
    }
}
