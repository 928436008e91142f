package dev.onewindow.elicense.license;

import java.time.Instant;

/** One change of a licence's status, kept on the licence: who, when, from, to, why. */
public record StatusChange(LicenseStatus from, LicenseStatus to, Instant at, String by, String reason) {
}
