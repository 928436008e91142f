package dev.onewindow.platform.web;

import java.util.Set;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every servlet service does with hostile input, so no service has to remember it: the text policy on bodies,
 * paths, query parameters and the headers services read; enums by name only; Tomcat's own refusals as
 * problem+json.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebPolicyAutoConfiguration {


    @Bean
    RequestBodyTextPolicy requestBodyTextPolicy() {
        return new RequestBodyTextPolicy();
    }

    @Bean
    FilterRegistrationBean<RequestTextFilter> requestTextFilter(JsonMapper json,
            @Value("${onewindow.web.checked-headers:If-Match,If-None-Match,Idempotency-Key,Content-Type,Accept}")
            Set<String> headers) {
        FilterRegistrationBean<RequestTextFilter> registration = new FilterRegistrationBean<>(
                new RequestTextFilter(json, headers));
        // right after the request id, before security: a malformed request is refused the same for everyone
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** {@code "channel": 0} is not a channel: enums are read by their names only. */
    @Bean
    JsonMapperBuilderCustomizer enumsByNameOnly() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.core.StandardHost")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
