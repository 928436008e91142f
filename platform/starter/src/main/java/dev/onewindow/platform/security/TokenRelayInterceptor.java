package dev.onewindow.platform.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Every Feign call carries a token: the caller's own when a user is waiting (so the called service applies the
 * user's rights), otherwise the service account's.
 */
public class TokenRelayInterceptor implements RequestInterceptor {

    private final ServiceAccountTokens serviceAccount;

    public TokenRelayInterceptor(ServiceAccountTokens serviceAccount) {
        this.serviceAccount = serviceAccount;
    }

    @Override
    public void apply(RequestTemplate template) {
        if (template.headers().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt.getToken().getTokenValue());
        } else if (serviceAccount.configured()) {
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + serviceAccount.token());
        }
    }
}
