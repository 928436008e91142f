package dev.onewindow.elicense.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A WireMock stand-in for case-handling (the licence face of a case, docs/service-contracts.md) and for Keycloak's
 * token endpoint, started once per test JVM. Registered for every test context alike (META-INF/spring.factories), so
 * the integration tests keep sharing one context: e-license's service account takes its token from here, and
 * case-handling's face answers only to that token ({@link #SERVICE_ACCOUNT_TOKEN}).
 */
public final class CaseHandlingStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The access token the stand-in token endpoint grants e-license's service account. */
    public static final String SERVICE_ACCOUNT_TOKEN = "e-license-service-account-token";

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(10).jettyStopTimeout(1000L));
            server.start();
            server.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\":\"" + SERVICE_ACCOUNT_TOKEN
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-shutdown"));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = "http://127.0.0.1:" + server().port();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("case-handling-stub", Map.of(
                "onewindow.elicense.case-handling-url", url,
                "onewindow.security.service-account.client-id", "e-license",
                "onewindow.security.service-account.client-secret", "test-secret",
                "onewindow.security.service-account.token-uri", url + "/token")));
    }
}
