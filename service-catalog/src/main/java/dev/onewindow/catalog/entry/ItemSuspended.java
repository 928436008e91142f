package dev.onewindow.catalog.entry;

import java.time.Instant;

/** {@code item.suspended}: the entry accepts no applications until it is resumed or revised. */
public record ItemSuspended(String implementationCode, int version, String departmentCode, String region,
        String reason, Instant suspendedAt) {
}
