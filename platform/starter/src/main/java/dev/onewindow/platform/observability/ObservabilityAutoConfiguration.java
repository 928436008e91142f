package dev.onewindow.platform.observability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Request ids, Mongo readiness by ping, and driver timeouts that keep a service responsive when Mongo is down. */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean("mongoPing")
    MongoPingHealthIndicator mongoPingHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo, Duration.ofSeconds(2));
    }

    @Bean
    MongoClientSettingsBuilderCustomizer shortServerSelection() {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5,
                TimeUnit.SECONDS));
    }
}
