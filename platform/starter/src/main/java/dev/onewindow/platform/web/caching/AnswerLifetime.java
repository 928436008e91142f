package dev.onewindow.platform.web.caching;

import java.time.Duration;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * For a controller whose answer stops being true at a known time, earlier than its configured {@code max-age} could
 * say (a signed status list is valid until its {@code validUntil}): no cache may then keep it beyond that time.
 */
public final class AnswerLifetime {

    static final String ATTRIBUTE = AnswerLifetime.class.getName();

    private AnswerLifetime() {
    }

    /** The current request's answer is true for {@code remaining} more at most (lowers its {@code max-age}). */
    public static void endsIn(Duration remaining) {
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE,
                remaining.isNegative() ? Duration.ZERO : remaining, RequestAttributes.SCOPE_REQUEST);
    }
}
