package dev.onewindow.supervision.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.supervision.Source;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * supervision settings ({@code onewindow.supervision.*}); every default is documented in {@code application.yml} and
 * in docs/domain.md with the rule it comes from. Limits are {@code <n>wd} (working days on the calendar) or
 * {@code <n>h} (wall-clock hours).
 *
 * @param acceptanceLimit     a case must be accepted or sent back within this of submission (行政许可法 §32: 5 working days)
 * @param rectificationLimit  差评整改: the department's limit as supervision recounts it (default 5 working days)
 * @param shareDecisionLimit  有条件共享: the providing department decides within this (default 10 working days)
 * @param objectionLimit      数据疑义: the provider answers within this (default 5 working days)
 * @param publicationLimit    双随机: results are published within this of the inspection's end (default 20 working days)
 * @param repeatedReturns     a work order returned this many times is flagged (default 2)
 * @param replyWithin         督办单: the department replies within this (default 2 working days)
 * @param autoOpen            the sources whose RED alerts open a 督办单 by themselves (default all that have clocks)
 * @param onlineChannels      the channels on which a case counts as handled online (全程网办)
 * @param sweepBatch          how many watched matters or orders one sweep run handles at most
 * @param maxPageSize         the largest page a list answers
 * @param countingGrace       KPI counts still pending this long after their matter's save (a crash) are applied by
 *                            the sweep (default 1 minute)
 * @param countingLease       how long a sweep holds the pending counts it claimed (default 5 minutes)
 */
@ConfigurationProperties("onewindow.supervision")
public record SupervisionProperties(String acceptanceLimit, String rectificationLimit, String shareDecisionLimit,
        String objectionLimit, String publicationLimit, Integer repeatedReturns, String replyWithin,
        Set<Source> autoOpen, Set<String> onlineChannels, Integer sweepBatch, Integer maxPageSize,
        Duration countingGrace, Duration countingLease) {

    private static final Pattern LIMIT = Pattern.compile("(\\d{1,4})(h|wd)");

    public SupervisionProperties {
        acceptanceLimit = acceptanceLimit == null ? "5wd" : acceptanceLimit;
        rectificationLimit = rectificationLimit == null ? "5wd" : rectificationLimit;
        shareDecisionLimit = shareDecisionLimit == null ? "10wd" : shareDecisionLimit;
        objectionLimit = objectionLimit == null ? "5wd" : objectionLimit;
        publicationLimit = publicationLimit == null ? "20wd" : publicationLimit;
        repeatedReturns = repeatedReturns == null ? 2 : repeatedReturns;
        replyWithin = replyWithin == null ? "2wd" : replyWithin;
        autoOpen = autoOpen == null ? Set.of(Source.CASE, Source.WORK_ORDER, Source.RECTIFICATION,
                Source.SHARE_REQUEST, Source.OBJECTION, Source.INSPECTION) : Set.copyOf(autoOpen);
        onlineChannels = onlineChannels == null || onlineChannels.isEmpty()
                ? new LinkedHashSet<>(java.util.List.of("PC_PORTAL", "MOBILE_APP", "MINI_PROGRAM"))
                : Set.copyOf(onlineChannels);
        sweepBatch = sweepBatch == null ? 500 : sweepBatch;
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
        countingGrace = countingGrace == null ? Duration.ofMinutes(1) : countingGrace;
        countingLease = countingLease == null ? Duration.ofMinutes(5) : countingLease;
        for (String limit : new String[] {acceptanceLimit, rectificationLimit, shareDecisionLimit, objectionLimit,
                publicationLimit, replyWithin}) {
            parse(limit);
        }
        if (repeatedReturns < 1) {
            throw new IllegalArgumentException("onewindow.supervision.repeated-returns must be at least 1");
        }
    }

    /** {@code 5wd} (working days on the calendar) or {@code 48h} (wall-clock hours) as a {@link Limit}. */
    public static Limit parse(String value) {
        var m = LIMIT.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("onewindow.supervision: '" + value + "' is not <n>wd or <n>h");
        }
        int amount = Integer.parseInt(m.group(1));
        return m.group(2).equals("h") ? Limit.hours(amount) : Limit.workingDays(amount);
    }

    public Limit acceptance() { return parse(acceptanceLimit); }
    public Limit rectification() { return parse(rectificationLimit); }
    public Limit shareDecision() { return parse(shareDecisionLimit); }
    public Limit objection() { return parse(objectionLimit); }
    public Limit publication() { return parse(publicationLimit); }
    public Limit reply() { return parse(replyWithin); }
}
