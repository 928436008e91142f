package dev.onewindow.dataexchange.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.resources.ShareType;

/**
 * The data of the share request aggregate's events (topic {@code data-exchange.share.events.v1}, key = request id).
 * No free text travels (a purpose or a reason may name a person): the request, read by id, holds it; no data value
 * ever does.
 */
public final class ShareEvents {

    private ShareEvents() {
    }

    /**
     * A department asked for a resource. {@code dueAt}: when the providing department's decision is due (a conditional
     * resource, on the working-day calendar) — what supervision watches; null when granted at once.
     */
    public record Requested(String requestId, String resourceCode, ShareType shareType, String providerDepartment,
            String consumerDepartment, String region, List<String> fields, List<String> unmaskedFields,
            Instant requestedAt, Instant dueAt) {
    }

    /** The request was granted: at once (unconditional) or by the providing department's decision. */
    public record Granted(String requestId, String grantId, String resourceCode, String providerDepartment,
            String consumerDepartment, List<String> fields, List<String> unmaskedFields, Instant expiresAt,
            int quota, Duration quotaPeriod, boolean automatic, boolean onTime, Instant decidedAt) {
    }

    /** The providing department refused the request, with its reason (不予共享的，应说明理由). */
    public record Rejected(String requestId, String resourceCode, String providerDepartment,
            String consumerDepartment, boolean onTime, Instant decidedAt) {
    }
}
