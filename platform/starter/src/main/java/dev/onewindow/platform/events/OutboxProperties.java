package dev.onewindow.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox relay settings ({@code onewindow.outbox.*}).
 *
 * @param sweepInterval how often the relay looks for events that a nudge did not publish (crash, broker outage)
 * @param batchSize     most aggregates published in one round
 * @param sendTimeout   how long one round waits for the broker's acknowledgements before leaving the rest to
 *                      the next sweep
 */
@ConfigurationProperties("onewindow.outbox")
public record OutboxProperties(Duration sweepInterval, Integer batchSize, Duration sendTimeout) {

    public OutboxProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    }
}
