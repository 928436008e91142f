package dev.onewindow.gateway.routing;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Strips forwarding headers a client may have forged ({@code Forwarded}, {@code X-Forwarded-*}) before a request is
 * sent to a service — what Spring Cloud Gateway's {@code RemoveForwardedHeadersFilter} and
 * {@code RemoveXForwardedHeadersFilter} do when no trusted proxies are configured, except that those two copy every
 * header (twice) on every request, while this filter copies only when such a header is actually present.
 */
final class ForwardedHeaders implements HttpHeadersFilter {

    /** Spring Cloud Gateway's beans this filter replaces. */
    static final List<String> REPLACED = List.of("removeXForwardedHeadersFilter", "removeForwardedHeadersFilter");

    private static final List<String> NAMES = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        boolean present = false;
        for (String name : NAMES) {
            present |= input.containsHeader(name);
        }
        if (!present) {
            return input;
        }
        HttpHeaders filtered = new HttpHeaders();
        filtered.putAll(input);
        NAMES.forEach(filtered::remove);
        return filtered;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** Removes the replaced Spring Cloud Gateway filter beans before they are created. */
    static BeanDefinitionRegistryPostProcessor replaceGatewayFilters() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                for (String name : REPLACED) {
                    if (registry.containsBeanDefinition(name)) {
                        registry.removeBeanDefinition(name);
                    }
                }
            }
        };
    }
}
