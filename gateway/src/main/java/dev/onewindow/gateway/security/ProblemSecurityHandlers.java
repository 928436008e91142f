package dev.onewindow.gateway.security;

import java.util.Map;

import dev.onewindow.gateway.edge.AccessLog;
import dev.onewindow.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/** 401 and 403 raised by the security filter chain, answered as problem+json like every other error. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static ServerAuthenticationEntryPoint unauthenticated(ProblemWriter writer) {
        return (exchange, e) -> {
            boolean tokenPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            exchange.getAttributes().put(AccessLog.CLIENT_CLASS, tokenPresented ? "rejected-token" : "anonymous");
            HttpHeaders headers = new HttpHeaders();
            // RFC 6750: say which scheme is expected, without echoing why a token was refused
            headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenPresented || e instanceof InvalidBearerTokenException
                    ? "Bearer realm=\"onewindow\", error=\"invalid_token\"" : "Bearer realm=\"onewindow\"");
            return writer.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "a valid bearer token is required", Map.of(), headers);
        };
    }

    static ServerAccessDeniedHandler forbidden(ProblemWriter writer) {
        return (exchange, e) -> writer.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "your role does not allow this action", Map.of(), HttpHeaders.EMPTY);
    }
}
