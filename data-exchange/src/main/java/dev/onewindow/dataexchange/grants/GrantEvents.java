package dev.onewindow.dataexchange.grants;

import java.time.Instant;

/**
 * The data of the grant aggregate's events (topic {@code data-exchange.grant.events.v1}, key = grant id). A grant's
 * creation is announced as {@code share.granted} on the share request's topic.
 */
public final class GrantEvents {

    private GrantEvents() {
    }

    /** The providing department withdrew a grant before its expiry; queries under it are refused from now on. */
    public record Revoked(String grantId, String requestId, String resourceCode, String providerDepartment,
            String consumerDepartment, Instant revokedAt) {
    }

    /** A grant reached its expiry; announced once. */
    public record Expired(String grantId, String requestId, String resourceCode, String providerDepartment,
            String consumerDepartment, Instant expiresAt, Instant detectedAt) {
    }
}
