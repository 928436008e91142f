package dev.onewindow.platform.web.caching;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Cacheable public reads ({@code onewindow.http-cache.public-reads}): {@code Cache-Control}, {@code Vary}, strong
 * ETags and 304 on the reads a service lists, so the gateway and browsers may keep what anyone may read. Both
 * filters run just inside Spring Security's filter chain: after it has authenticated the request, and before its
 * header writer, which leaves a {@code Cache-Control} the application set alone.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpCacheProperties.class)
public class HttpCachingAutoConfiguration {

    @Bean
    CacheablePublicReads cacheablePublicReads(HttpCacheProperties properties) {
        return new CacheablePublicReads(properties);
    }

    @Bean
    FilterRegistrationBean<PublicReadEtagFilter> publicReadEtagFilter(CacheablePublicReads reads,
            @Value("${spring.security.filter.order:-100}") int securityOrder) {
        FilterRegistrationBean<PublicReadEtagFilter> registration = new FilterRegistrationBean<>(
                new PublicReadEtagFilter(reads));
        registration.setOrder(securityOrder + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PublicReadCacheControlFilter> publicReadCacheControlFilter(CacheablePublicReads reads,
            @Value("${spring.security.filter.order:-100}") int securityOrder) {
        FilterRegistrationBean<PublicReadCacheControlFilter> registration = new FilterRegistrationBean<>(
                new PublicReadCacheControlFilter(reads));
        // inside the ETag filter: it sets the headers while that filter still holds the body
        registration.setOrder(securityOrder + 11);
        return registration;
    }
}
