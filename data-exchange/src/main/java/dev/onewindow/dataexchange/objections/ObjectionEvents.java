package dev.onewindow.dataexchange.objections;

import java.time.Instant;
import java.util.List;

/**
 * The data of the objection aggregate's events (topic {@code data-exchange.objection.events.v1}, key = objection id).
 * They name the fields in doubt, never the record's key or any value, nor what either side wrote.
 */
public final class ObjectionEvents {

    private ObjectionEvents() {
    }

    /** A consumer flagged a record as wrong; {@code dueAt}: when the provider's answer is due (working days). */
    public record Raised(String objectionId, String grantId, String resourceCode, String providerDepartment,
            String consumerDepartment, String accessId, List<String> fields, Instant raisedAt, Instant dueAt) {
    }

    /** The provider answered. */
    public record Resolved(String objectionId, String resourceCode, String providerDepartment,
            String consumerDepartment, Resolution resolution, boolean onTime, Instant resolvedAt) {
    }
}
