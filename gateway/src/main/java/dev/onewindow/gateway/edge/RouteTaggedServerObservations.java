package dev.onewindow.gateway.edge;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * {@code http.server.requests} with the route it took ({@code spring.cloud.gateway.route.id}, {@code none} for the
 * gateway's own endpoints and refused requests): the per-service latency that Spring Cloud Gateway's client
 * observation ({@code http.client.requests}, switched off: a second observation per request) used to give.
 */
@Component
public class RouteTaggedServerObservations extends DefaultServerRequestObservationConvention {

    static final String ROUTE_ID = "spring.cloud.gateway.route.id";
    private static final KeyValue NO_ROUTE = KeyValue.of(ROUTE_ID, "none");

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Route route = (Route) context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return super.getLowCardinalityKeyValues(context)
                .and(route != null ? KeyValue.of(ROUTE_ID, route.getId()) : NO_ROUTE);
    }
}
