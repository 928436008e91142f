package dev.onewindow.platform.security;

import java.io.IOException;

import dev.onewindow.platform.problem.ProblemResponses;
import dev.onewindow.platform.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 raised by the security filter chain, answered as problem+json like every other error. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthenticated(JsonMapper json) {
        return (request, response, e) -> {
            // RFC 6750: tell the client which scheme is expected, without echoing why the token was refused
            response.setHeader("WWW-Authenticate", "Bearer realm=\"onewindow\"");
            write(json, response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "a valid bearer token is required"));
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, e) -> write(json, response, Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                "your role does not allow this action"));
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        ProblemResponses.write(json, response, problem);
    }
}
