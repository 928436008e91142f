package dev.onewindow.catalog.entry;

import java.time.Instant;

/** {@code item.withdrawn}: the entry is cancelled for good; {@code version} is the last one that was published. */
public record ItemWithdrawn(String implementationCode, int version, String departmentCode, String region,
        String reason, Instant withdrawnAt) {
}
