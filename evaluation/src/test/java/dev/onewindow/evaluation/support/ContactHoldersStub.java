package dev.onewindow.evaluation.support;

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
 * A WireMock stand-in for the services that hold raters' contacts — case-handling ({@code applicant-contact}) and
 * hotline-12345 ({@code caller-contact}), docs/service-contracts.md — and for Keycloak's token endpoint, started once
 * per test JVM and registered for every test context alike (META-INF/spring.factories), so the integration tests keep
 * sharing one context. evaluation's service account takes its token from here ({@link #SERVICE_ACCOUNT_TOKEN}); the
 * tests stub the peers' answers to that token only, as the real peers answer only evaluation's account.
 */
public final class ContactHoldersStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The access token the stand-in token endpoint grants evaluation's service account. */
    public static final String SERVICE_ACCOUNT_TOKEN = "evaluation-service-account-token";

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
        // above application.yml, below a test's own command-line settings (SecretsFailClosedTest blanks them)
        var sources = context.getEnvironment().getPropertySources();
        MapPropertySource stub = new MapPropertySource("contact-holders-stub", Map.of(
                "onewindow.evaluation.case-handling-url", url,
                "onewindow.evaluation.hotline-url", url,
                "onewindow.security.service-account.client-id", "evaluation",
                "onewindow.security.service-account.client-secret", "test-secret",
                "onewindow.security.service-account.token-uri", url + "/token"));
        if (sources.contains("commandLineArgs")) {
            sources.addAfter("commandLineArgs", stub);
        } else {
            sources.addFirst(stub);
        }
    }
}
