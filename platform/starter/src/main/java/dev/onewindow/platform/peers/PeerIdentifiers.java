package dev.onewindow.platform.peers;

import java.util.List;
import java.util.regex.Pattern;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;

/**
 * An identifier is checked against its pattern before it goes into a peer's URL: what the peer would refuse is
 * refused here, without a call (and without a peer's 400 for the caller's input ever reaching its breaker).
 */
public final class PeerIdentifiers {

    private PeerIdentifiers() {
    }

    /** {@code value} when it matches {@code pattern} completely, else a 400 naming {@code field}. */
    public static String require(String value, Pattern pattern, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            String message = "is not a valid " + field;
            throw DomainException.invalid("INVALID_IDENTIFIER", "the " + field + " is not valid")
                    .with("errors", List.of(new FieldViolation(field, "PATTERN", message)));
        }
        return value;
    }
}
