package dev.onewindow.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Exceptions that Spring Security's firewall and Tomcat raise for a request that is malformed — a control byte in a
 * header the firewall reads, an undecodable parameter in a form body — which would otherwise reach the error path as
 * a 500. They are the client's fault: 400 {@code MALFORMED_REQUEST}, without their message (it may echo the input).
 */
final class ClientFaults {

    private static final String[] CLIENT_FAULTS = {
            "org.springframework.security.web.firewall.RequestRejectedException",
            "org.apache.tomcat.util.http.InvalidParameterException"};

    private ClientFaults() {
    }

    static boolean isClientFault(Object error) {
        Throwable cause = error instanceof Throwable t ? t : null;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            for (String type : CLIENT_FAULTS) {
                for (Class<?> c = cause.getClass(); c != null; c = c.getSuperclass()) {
                    if (c.getName().equals(type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static ProblemDetail problem() {
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "the request is malformed: a header or a parameter cannot be read");
    }
}
