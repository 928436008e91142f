package dev.onewindow.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.onewindow.gateway.ratelimit.RateLimitDecision;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

    private final Problems problems = new Problems(new ProblemWriter(JsonMapper.builder().build()));

    private static ServerWebExchange routedTo(String service) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cases/1"));
        Route route = Route.async().id(service).uri(URI.create("http://" + service)).predicate(e -> true)
                .metadata(Map.of(Problems.SERVICE_METADATA, service)).build();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
        return exchange;
    }

    @Test
    void anUnreachableServiceIs503NamingIt() {
        GatewayProblem problem = problems.toProblem(routedTo("case-handling"),
                new ConnectException("Connection refused: /10.0.0.7:8080"));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.detail()).isEqualTo("case-handling is unavailable, try again shortly");
        assertThat(problem.extras()).containsEntry("service", "case-handling");
    }

    @Test
    void anOpenBreakerIs503() {
        CallNotPermittedException open = CallNotPermittedException
                .createCallNotPermittedException(CircuitBreaker.ofDefaults("e-license"));

        assertThat(problems.toProblem(routedTo("e-license"), open).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void timeoutsAre504() {
        assertThat(problems.toProblem(routedTo("hotline-12345"), new TimeoutException("Did not observe any item"))
                .status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        // the response timeout: Reactor Netty's read timeout on the backend connection (an IOException-like signal
        // that must not be mistaken for an unreachable service)
        assertThat(problems.toProblem(routedTo("hotline-12345"), ReadTimeoutException.INSTANCE).status())
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(problems.toProblem(routedTo("hotline-12345"),
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT0.5S"))
                .detail()).isEqualTo("hotline-12345 did not answer in time, try again shortly");
    }

    @Test
    void frameworkClientErrorsKeepTheirStatusWithAStableCode() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/nowhere"));

        assertThat(problems.toProblem(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).code())
                .isEqualTo("NOT_FOUND");
        assertThat(problems.toProblem(exchange, new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
                .code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anythingUnexpectedIs500WithoutItsMessage() {
        GatewayProblem problem = problems.toProblem(routedTo("case-handling"),
                new IllegalStateException("secret internal detail"));

        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(problem.detail()).doesNotContain("secret");
    }

    @Test
    void theWrittenBodyHasTheSharedProblemShape() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cases/1"));

        problems.handle(exchange, GatewayProblem.tooManyRequests(new RateLimitDecision(false, 3, 20, 0))).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("20");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo(
                "{\"type\":\"urn:onewindow:problem:too-many-requests\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"too many requests from this client; retry after 3 s\","
                        + "\"code\":\"TOO_MANY_REQUESTS\"}");
    }
}
