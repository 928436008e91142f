package dev.onewindow.platform.apidocs;

import dev.onewindow.platform.problem.ProblemErrorController;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.SecurityProperties;
import dev.onewindow.platform.web.caching.CacheablePublicReads;
import dev.onewindow.platform.web.caching.HttpCacheProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Partner-grade OpenAPI documents for every servlet service ({@link PartnerApiDocs}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
@EnableConfigurationProperties({ApiDocsProperties.class, HttpCacheProperties.class})
public class ApiDocsAutoConfiguration {

    static {
        // the caller comes from the validated token, never from the request: not a documented parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class)
                // the error path answers what other operations document as their error responses
                .addHiddenRestControllers(ProblemErrorController.class);
    }

    @Bean
    PartnerApiDocs partnerApiDocs(@Value("${spring.application.name}") String service, SecurityProperties security,
            ApiDocsProperties properties, HttpCacheProperties httpCache) {
        return new PartnerApiDocs(service, security.issuerUri(), security.publicPaths(), properties,
                new CacheablePublicReads(httpCache));
    }
}
