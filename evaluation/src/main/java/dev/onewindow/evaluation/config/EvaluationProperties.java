package dev.onewindow.evaluation.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.onewindow.platform.calendar.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * evaluation settings ({@code onewindow.evaluation.*}); every default is documented in {@code application.yml}.
 *
 * @param rateWithin        how long after the invitation a rating is taken (GB/T 39734: a rating window per matter)
 * @param reminderAfter     an invitation not answered is reminded once after this (default 3 days)
 * @param followUpWithin    one 追评 within this of the rating (default 30 days)
 * @param codeTtl           how long a rating code (QR on the receipt) can be redeemed (default 30 minutes)
 * @param textedCodeTtl     how long a texted rating code (12345 callers) can be redeemed (default 3 days; the
 *                          reminder texts a fresh one)
 * @param rectification     差评整改: the department's limit (default 5 working days; {@code <n>wd}, {@code <n>h})
 * @param appealWithin      申诉: how long after the rating a department may appeal (default 3 working days)
 * @param appealDecision    复核: the eval-admin's limit (default 5 working days)
 * @param confirmationWithin the rater answers the department's feedback within this; silence then closes the
 *                          rectification as satisfied by default (默认满意; default 5 working days)
 * @param badReasons        the standard bad-rating reasons (GB/T 39734 style): code to label
 * @param sweepBatch        how many reminders or overdue rectifications one sweep raises at most
 * @param maxPageSize       the largest page a list answers
 * @param countingGrace     how long after a save the sweep settles what the save left pending (its counter changes,
 *                          a rectification to open) if the request did not (default 1 minute)
 * @param countingLease     how long a sweep holds a document it settles (default 5 minutes)
 */
@ConfigurationProperties("onewindow.evaluation")
public record EvaluationProperties(Duration rateWithin, Duration reminderAfter, Duration followUpWithin,
        Duration codeTtl, Duration textedCodeTtl, String rectification, String appealWithin, String appealDecision,
        String confirmationWithin, Map<String, String> badReasons, Integer sweepBatch, Integer maxPageSize, Duration countingGrace,
        Duration countingLease) {

    private static final Pattern LIMIT = Pattern.compile("(\\d{1,4})(h|wd)");

    public EvaluationProperties {
        rateWithin = rateWithin == null ? Duration.ofDays(15) : rateWithin;
        reminderAfter = reminderAfter == null ? Duration.ofDays(3) : reminderAfter;
        followUpWithin = followUpWithin == null ? Duration.ofDays(30) : followUpWithin;
        codeTtl = codeTtl == null ? Duration.ofMinutes(30) : codeTtl;
        textedCodeTtl = textedCodeTtl == null ? Duration.ofDays(3) : textedCodeTtl;
        rectification = rectification == null ? "5wd" : rectification;
        appealWithin = appealWithin == null ? "3wd" : appealWithin;
        appealDecision = appealDecision == null ? "5wd" : appealDecision;
        confirmationWithin = confirmationWithin == null ? "5wd" : confirmationWithin;
        badReasons = badReasons == null || badReasons.isEmpty() ? DEFAULT_REASONS : new LinkedHashMap<>(badReasons);
        sweepBatch = sweepBatch == null ? 200 : sweepBatch;
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
        countingGrace = countingGrace == null ? Duration.ofMinutes(1) : countingGrace;
        countingLease = countingLease == null ? Duration.ofMinutes(5) : countingLease;
        parse(rectification);
        parse(appealWithin);
        parse(appealDecision);
        parse(confirmationWithin);
        for (String code : badReasons.keySet()) {
            if (!code.matches(dev.onewindow.evaluation.Limits.REASON_CODE)) {
                throw new IllegalArgumentException("onewindow.evaluation.bad-reasons: '" + code
                        + "' is not an upper-case code");
            }
        }
    }

    /**
     * The bad-rating options after GB/T 39734-2020 (差评选项): what went wrong in the service, in the standard's
     * order. A city replaces the list in configuration.
     */
    public static final Map<String, String> DEFAULT_REASONS;

    static {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("ATTITUDE", "服务态度差");
        reasons.put("SLOW", "办理时间长、效率低");
        reasons.put("REPEATED_VISITS", "多次跑动");
        reasons.put("UNCLEAR_GUIDANCE", "办事指南不清晰、一次性告知不到位");
        reasons.put("EXTRA_MATERIALS", "要求提供额外材料");
        reasons.put("NOT_RESOLVED", "问题未解决");
        reasons.put("UNFAIR", "办理不公正、不规范");
        reasons.put("SYSTEM_PROBLEMS", "系统不好用、操作复杂");
        reasons.put("OTHER", "其他");
        DEFAULT_REASONS = java.util.Collections.unmodifiableMap(reasons);
    }

    /** {@code 5wd} (working days on the calendar) or {@code 48h} (wall-clock hours) as a {@link Limit}. */
    public static Limit parse(String value) {
        var m = LIMIT.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("onewindow.evaluation: '" + value + "' is not <n>wd or <n>h");
        }
        int amount = Integer.parseInt(m.group(1));
        return m.group(2).equals("h") ? Limit.hours(amount) : Limit.workingDays(amount);
    }

    public Limit rectificationLimit() {
        return parse(rectification);
    }

    public Limit appealWithinLimit() {
        return parse(appealWithin);
    }

    public Limit appealDecisionLimit() {
        return parse(appealDecision);
    }

    public Limit confirmationWithinLimit() {
        return parse(confirmationWithin);
    }
}
