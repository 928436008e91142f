package dev.onewindow.gateway.edge;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientRequest;

/**
 * Continues the trace into the service: the W3C {@code traceparent} of the request's own server span (Micrometer
 * Tracing, continued from the caller's {@code traceparent} or started here) is set on the backend request. This
 * replaces Spring Cloud Gateway's client observation, which made a second observation per request — its own span,
 * an {@code http.client.requests} timer and a copy of every request's headers to inject into — for a call the server
 * span already covers from end to end. The service's span is then a child of the gateway's server span.
 */
public final class TracePropagation {

    private final Propagator propagator;

    public TracePropagation(Propagator propagator) {
        this.propagator = propagator;
    }

    /** Registered on the gateway's HTTP client ({@code doOnRequest}): runs once per backend request. */
    public void inject(HttpClientRequest request, Connection connection) {
        Observation observation = request.currentContextView().getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null) {
            return;
        }
        TracingObservationHandler.TracingContext tracing = observation.getContext()
                .get(TracingObservationHandler.TracingContext.class);
        Span span = tracing != null ? tracing.getSpan() : null;
        if (span != null) {
            propagator.inject(span.context(), request.requestHeaders(), (headers, name, value) -> {
                if (headers != null) {
                    headers.set(name, value);
                }
            });
        }
    }
}
