package dev.onewindow.dataexchange.datasets;

import java.time.Instant;
import java.util.List;

/**
 * The data of the dataset record aggregate's events (topic {@code data-exchange.dataset.events.v1}, key = record id).
 * One {@code dataset.changed} per live subscription, limited to its grant's fields: the changed non-personal granted
 * fields with their new values, the changed personal granted fields by name only (a consumer reads those through a
 * logged query). Never a personal value, never a field outside the grant.
 */
public final class DatasetEvents {

    private DatasetEvents() {
    }

    public record Changed(String recordId, String resourceCode, String subscriptionId, String grantId,
            String consumerDepartment, String change, List<String> changedFields, List<FieldValue> values,
            List<String> personalFieldsChanged, Instant changedAt) {
    }

    /** A changed non-personal field's new value (a string, number, boolean or null). */
    public record FieldValue(String field, Object value) {
    }
}
