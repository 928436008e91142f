package dev.onewindow.platform.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a deadline clock turns yellow ({@code onewindow.clock.*}; docs/domain.md, "Deadline clock"): at {@code yellowRatio} of its
 * limit used, or with {@code yellowRemainingWorkingDays} or fewer left.
 */
@ConfigurationProperties("onewindow.clock")
public record ClockProperties(Double yellowRatio, Integer yellowRemainingWorkingDays) {

    public ClockThresholds thresholds() {
        return new ClockThresholds(yellowRatio == null ? ClockThresholds.DEFAULTS.yellowRatio() : yellowRatio,
                yellowRemainingWorkingDays == null ? ClockThresholds.DEFAULTS.yellowRemainingWorkingDays()
                        : yellowRemainingWorkingDays);
    }
}
