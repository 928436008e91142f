package dev.onewindow.elicense.license;

/**
 * A licence's status. {@code VALID}, {@code SUSPENDED} and {@code REVOKED} are stored; {@code EXPIRED} is never
 * stored but derived from the validity whenever the licence is read, so it cannot be forgotten by a batch job.
 * Revocation is final.
 */
public enum LicenseStatus { VALID, SUSPENDED, REVOKED, EXPIRED }
