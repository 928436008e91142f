package dev.onewindow.platform.peers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker and time limit every Feign peer call runs under ({@code onewindow.peers.*}).
 *
 * @param timeLimit            longest a peer call may take in total before the fallback answers
 * @param failureRateThreshold percentage of failed calls (timeouts, connection failures, 5xx) that opens the circuit
 * @param slidingWindowSize    calls the failure rate is computed over
 * @param minimumCalls         calls needed before the circuit may open
 * @param openFor              how long an open circuit refuses calls before probing again
 */
@ConfigurationProperties("onewindow.peers")
public record PeerProperties(Duration timeLimit, Float failureRateThreshold, Integer slidingWindowSize,
        Integer minimumCalls, Duration openFor) {

    public PeerProperties {
        timeLimit = timeLimit == null ? Duration.ofSeconds(4) : timeLimit;
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
        minimumCalls = minimumCalls == null ? 10 : minimumCalls;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
    }
}
