package dev.onewindow.platform.observability;

import org.slf4j.MDC;

/**
 * The current trace id, as Micrometer Tracing puts it into the logging context; falls back to the request id so a
 * problem body always carries something a support engineer can search the logs for.
 */
public final class TraceIds {

    private TraceIds() {
    }

    public static String current() {
        String traceId = MDC.get("traceId");
        return traceId != null ? traceId : MDC.get(RequestIdFilter.MDC_KEY);
    }
}
