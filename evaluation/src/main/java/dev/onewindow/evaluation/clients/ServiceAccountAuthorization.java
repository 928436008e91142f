package dev.onewindow.evaluation.clients;

import dev.onewindow.platform.security.ServiceAccountTokens;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Feign configuration of the clients that read a rater's contact: they always call as evaluation's own service
 * account (the peers answer only to it, {@code trusted-contact-readers}), never with the token of the handler who is
 * waiting — which the platform's token relay would otherwise send. Not a {@code @Configuration}: named by the clients.
 */
public class ServiceAccountAuthorization {

    @Bean
    RequestInterceptor serviceAccountBearer(ServiceAccountTokens serviceAccount) {
        return template -> {
            template.removeHeader(HttpHeaders.AUTHORIZATION);
            if (serviceAccount.configured()) {
                template.header(HttpHeaders.AUTHORIZATION, "Bearer " + serviceAccount.token());
            }
        };
    }
}
