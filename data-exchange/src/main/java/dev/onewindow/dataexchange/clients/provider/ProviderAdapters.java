package dev.onewindow.dataexchange.clients.provider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.onewindow.dataexchange.Limits;
import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.exchange.ProviderSystems;
import dev.onewindow.platform.domain.DomainException;
import feign.FeignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.CircuitBreakerNameResolver;
import org.springframework.cloud.openfeign.FeignClientBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The registered provider adapters ({@code onewindow.dataexchange.providers.<name>.url}): a Feign client per adapter,
 * built on first use, with a circuit breaker of its own ({@code provider-<name>}) so one provider down does not
 * refuse another's queries. Whatever keeps a provider from answering — connection refused, timeout, 5xx, open
 * circuit — is {@code PROVIDER_UNAVAILABLE} (503); a 4xx of the provider is passed on as the platform decoded it.
 * Nothing of a provider's answer is logged but the failure's kind: a body could hold personal data.
 */
@Component
class ProviderAdapters implements ProviderSystems {

    private static final Logger log = LoggerFactory.getLogger(ProviderAdapters.class);

    private final FeignClientBuilder builder;
    private final DataExchangeProperties properties;
    private final Environment environment;
    private final Map<String, ProviderClient> clients = new ConcurrentHashMap<>();

    ProviderAdapters(ApplicationContext context, DataExchangeProperties properties, Environment environment) {
        this.builder = new FeignClientBuilder(context);
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public List<Map<String, Object>> query(String adapter, String resourceCode, String field, Object value) {
        ProviderClient client = clients.computeIfAbsent(adapter, this::build);
        ProviderClient.Answer answer;
        try {
            answer = client.query(consumerToken(), new ProviderClient.Question(resourceCode, field, value));
        } catch (DomainException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
            log.warn("provider adapter {} unavailable: {}{}", adapter, cause.getClass().getSimpleName(),
                    cause instanceof FeignException f && f.status() > 0 ? " " + f.status() : "");
            if (cause instanceof DomainException refused) {
                throw refused;
            }
            throw DomainException.unavailable("PROVIDER_UNAVAILABLE", "the provider's system of " + resourceCode
                    + " cannot answer now; try again later");
        }
        List<Map<String, Object>> records = answer == null || answer.records() == null ? List.of() : answer.records();
        if (records.size() > Limits.RECORDS_PER_ANSWER) {
            return records.subList(0, Limits.RECORDS_PER_ANSWER);
        }
        return records;
    }

    /**
     * The consumer system's token, relayed so the provider can apply its own checks to who asks; taken here, on the
     * request's thread, because the breaker's time limit runs the call on another.
     */
    private static String consumerToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return "Bearer " + jwt.getToken().getTokenValue();
        }
        throw DomainException.notAllowed("a provider is queried for a signed-in consumer system only");
    }

    private ProviderClient build(String adapter) {
        DataExchangeProperties.Provider provider = properties.providers().get(adapter);
        if (provider == null || provider.url() == null) {
            throw DomainException.unavailable("PROVIDER_UNAVAILABLE", "no provider adapter '" + adapter
                    + "' is configured");
        }
        // read again now, not as bound at start: a placeholder such as ${local.server.port} resolves only once the
        // server runs (the demo provider answers on this service's own port)
        String url = environment.getProperty("onewindow.dataexchange.providers." + adapter + ".url", provider.url());
        return builder.forType(ProviderClient.class, "provider-" + adapter).url(url).build();
    }

    /** A breaker per provider adapter (the Feign client's name), not one shared by every provider. */
    @Configuration(proxyBeanMethods = false)
    static class BreakerNames {

        @Bean
        CircuitBreakerNameResolver providerCircuitBreakerNames() {
            return (clientName, target, method) -> clientName + "_" + method.getName();
        }
    }
}
