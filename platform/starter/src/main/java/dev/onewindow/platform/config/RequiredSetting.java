package dev.onewindow.platform.config;

/**
 * Secrets fail closed: a key or client secret a service needs has no default outside the {@code local} profile, so
 * a production start without it stops at once and names the setting, instead of running on a value from the
 * repository or a key made up on the spot.
 */
public final class RequiredSetting {

    private RequiredSetting() {
    }

    /** {@code value}, or a start-up failure naming {@code key} and what it is for. */
    public static String require(String value, String key, String purpose) {
        if (value == null || value.isBlank()) {
            throw missing(key, purpose);
        }
        return value;
    }

    public static IllegalStateException missing(String key, String purpose) {
        return new IllegalStateException(key + " is not set (" + purpose + "). Outside the local profile it has no"
                + " default: set it from a Secret (environment or a mounted file). The local profile"
                + " (spring.profiles.active=local: the local stack, the tests and the demo) has development values.");
    }
}
