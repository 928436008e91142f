package dev.onewindow.gateway.ratelimit;

import java.util.Locale;

/** Who is calling, for rate limiting: each class has its own limit and its own way of telling clients apart. */
public enum ClientClass {
    /** A partner system (token with the {@code partner} role), counted per client id ({@code azp}). */
    PARTNER,
    /** Any other token holder, counted per subject. */
    USER,
    /** No token, counted per client address. */
    ANONYMOUS;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
