package dev.onewindow.hotline.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.calendar.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * hotline-12345 settings ({@code onewindow.hotline.*}); every default is documented in {@code application.yml} and
 * named with its source in docs/domain.md (hotline-12345).
 *
 * @param city          the region code (GB/T 2260) of the city the hotline serves: an order's region must lie within it
 * @param categories    where the category tree is read from (a Spring resource location)
 * @param deadlines     the time limits of signing, replying and calling back, per urgency and demand type
 * @param dispatch      dispatch rules on category and region, and the 兜底 department per region
 * @param duplicates    when a new order is suggested for merging with an open one
 * @param hotspots      when a count of orders per category, region and hour is a spike
 * @param open311       the GeoReport v2 facade: jurisdiction and the partners' api keys
 * @param maxPageSize   the largest page a list answers
 * @param demo          demo knowledge-base entries loaded at start (the local stack)
 * @param trustedContactReaders clients ({@code azp}) that may read a caller's number in clear (evaluation's service
 *                      account, which has a bad rater called back)
 */
@ConfigurationProperties("onewindow.hotline")
public record HotlineProperties(String city, String categories, Deadlines deadlines, Dispatch dispatch,
        Duplicates duplicates, Hotspots hotspots, Open311 open311, Integer maxPageSize, Demo demo,
        java.util.List<String> trustedContactReaders) {

    public HotlineProperties {
        city = city == null ? "341300" : city;
        categories = categories == null ? "classpath:seed/categories.json" : categories;
        deadlines = deadlines == null ? Deadlines.DEFAULTS : deadlines;
        dispatch = dispatch == null ? new Dispatch(null, null) : dispatch;
        duplicates = duplicates == null ? new Duplicates(null, null) : duplicates;
        hotspots = hotspots == null ? new Hotspots(null, null, null) : hotspots;
        open311 = open311 == null ? new Open311(null, null, null) : open311;
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
        demo = demo == null ? new Demo(false) : demo;
        trustedContactReaders = trustedContactReaders == null ? java.util.List.of("evaluation")
                : java.util.List.copyOf(trustedContactReaders);
        if (!city.matches("\\d{6}")) {
            throw new IllegalArgumentException("onewindow.hotline.city must be a 6-digit region code: " + city);
        }
    }

    /**
     * Time limits (GB/T 33358-2016 service levels; 国办发〔2020〕53号). A value is {@code <n>m} (wall-clock minutes),
     * {@code <n>h} (wall-clock hours, 24×7) or {@code <n>wd} (working days on the calendar).
     *
     * @param sign                  签收 after dispatch, per urgency
     * @param reply                 答复 after dispatch, per urgency
     * @param replyConsultationHelp 答复 of a NORMAL consultation or request for help (shorter than other NORMAL orders)
     * @param callback              回访 after the reply
     * @param reopenedReply         答复 after a reopen (重办), per urgency; a fresh limit from the reopen
     * @param maxExtensions         how many extensions (延期) a dispatcher may approve per order
     */
    public record Deadlines(Map<String, String> sign, Map<String, String> reply, String replyConsultationHelp,
            String callback, Map<String, String> reopenedReply, Integer maxExtensions) {

        public static final Deadlines DEFAULTS = new Deadlines(null, null, null, null, null, null);

        public Deadlines {
            sign = sign == null ? Map.of("URGENT", "30m", "HIGH", "2h", "NORMAL", "1wd") : Map.copyOf(sign);
            reply = reply == null ? Map.of("URGENT", "2h", "HIGH", "24h", "NORMAL", "5wd") : Map.copyOf(reply);
            replyConsultationHelp = replyConsultationHelp == null ? "3wd" : replyConsultationHelp;
            callback = callback == null ? "1wd" : callback;
            reopenedReply = reopenedReply == null ? reply : Map.copyOf(reopenedReply);
            maxExtensions = maxExtensions == null ? 1 : maxExtensions;
            for (String urgency : List.of("URGENT", "HIGH", "NORMAL")) {
                for (Map<String, String> limits : List.of(sign, reply, reopenedReply)) {
                    parse(limits.get(urgency));
                }
            }
            parse(replyConsultationHelp);
            parse(callback);
        }

        /** {@code 30m}, {@code 2h}, {@code 5wd} as a {@link Limit}. */
        public static Limit parse(String value) {
            if (value == null) {
                throw new IllegalArgumentException("onewindow.hotline.deadlines: a limit per urgency is missing");
            }
            var m = java.util.regex.Pattern.compile("(\\d{1,4})(m|h|wd)").matcher(value.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("onewindow.hotline.deadlines: '" + value
                        + "' is not <n>m, <n>h or <n>wd");
            }
            int amount = Integer.parseInt(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Limit.minutes(amount);
                case "h" -> Limit.hours(amount);
                default -> Limit.workingDays(amount);
            };
        }
    }

    /**
     * 派单 rules. The most specific rule whose category is the order's category or one above it, and whose region
     * covers the order's region, names the lead department (主办) and any helpers (协办); without one the order goes to
     * the government of its region (兜底), the nearest listed region above it.
     */
    public record Dispatch(List<Rule> rules, Map<String, String> fallback) {

        public Dispatch {
            rules = rules == null ? List.of() : List.copyOf(rules);
            fallback = fallback == null ? Map.of() : Map.copyOf(fallback);
        }

        public record Rule(String category, String region, String lead, List<String> helpers) {

            public Rule {
                helpers = helpers == null ? List.of() : List.copyOf(helpers);
                if (category == null || region == null || lead == null) {
                    throw new IllegalArgumentException(
                            "onewindow.hotline.dispatch.rules: each rule names category, region and lead");
                }
            }
        }
    }

    /**
     * @param distanceMetres an order within this distance of an open one (by latitude/longitude) is a duplicate
     *                       candidate (default 200 m); without coordinates, the same address is
     * @param window         how far back an open order is compared (default 24 h)
     */
    public record Duplicates(Integer distanceMetres, Duration window) {

        public Duplicates {
            distanceMetres = distanceMetres == null ? 200 : distanceMetres;
            window = window == null ? Duration.ofHours(24) : window;
        }
    }

    /**
     * @param multiple     a spike is a count at least this multiple of the trailing same-hour baseline (default 3)
     * @param minimum      and at least this many orders in the hour (default 5)
     * @param baselineDays how many previous days the same hour is averaged over (default 7)
     */
    public record Hotspots(Double multiple, Integer minimum, Integer baselineDays) {

        public Hotspots {
            multiple = multiple == null ? 3.0 : multiple;
            minimum = minimum == null ? 5 : minimum;
            baselineDays = baselineDays == null ? 7 : baselineDays;
        }
    }

    /**
     * @param jurisdiction the one {@code jurisdiction_id} of this deployment (GeoReport v2)
     * @param region       the region an Open311 request is filed in when it names none (its {@code region} attribute)
     * @param apiKeys      the partners who may post with an {@code api_key}: partner name to the SHA-256 (hex) of the
     *                     key; keys are never stored in clear (production sets them from a Secret)
     */
    public record Open311(String jurisdiction, String region, Map<String, String> apiKeys) {

        public Open311 {
            jurisdiction = jurisdiction == null ? "suzhou.ah.cn" : jurisdiction;
            apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        }
    }

    /** @param enabled load the demo knowledge base at start (local stack) */
    public record Demo(Boolean enabled) {

        public Demo {
            enabled = enabled != null && enabled;
        }
    }
}
