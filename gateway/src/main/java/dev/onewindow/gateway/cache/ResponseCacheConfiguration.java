package dev.onewindow.gateway.cache;

import dev.onewindow.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one store of the public-reads routes' response caches ({@code onewindow.gateway.response-cache.*}). */
@Configuration(proxyBeanMethods = false)
public class ResponseCacheConfiguration {

    @Bean
    PublicResponseCache publicResponseCache(GatewayProperties properties, ObjectProvider<MeterRegistry> meters) {
        GatewayProperties.ResponseCache settings = properties.responseCache();
        return new PublicResponseCache(settings.maxSize().toBytes(), settings.maxEntrySize().toBytes(),
                settings.maxTtl(), meters.getIfAvailable());
    }
}
