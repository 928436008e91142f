package dev.onewindow.platform.testkit;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the JVM-wide test infrastructure: the real KRaft broker, the Mongo wire-protocol
 * server and the token minter's issuer/JWKS. Used through {@link IntegrationTest}; the infrastructure starts once per
 * test JVM and is shared by every context, so a module's integration tests pay for it once.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "app");
        Map<String, Object> properties = Map.of(
                "spring.mongodb.uri", MongoStandIn.shared().uri("test_" + application.replace('-', '_')),
                "spring.kafka.bootstrap-servers", KafkaBroker.shared().bootstrapServers(),
                "onewindow.security.issuer-uri", TokenMinter.shared().issuer(),
                "onewindow.security.jwk-set-uri", TokenMinter.shared().jwksUri(),
                // test-only keys for personal-data encryption and look-up hashes (32 bytes each, Base64)
                "onewindow.personal-data.encryption-keys.test",
                "b25ld2luZG93LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=",
                "onewindow.personal-data.primary-key-id", "test",
                "onewindow.personal-data.lookup-key", "b25ld2luZG93LXRlc3QtbG9va3VwLWtleS0zMmJ5dGU=",
                "onewindow.outbox.sweep-interval", "1s");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("onewindow-test-infrastructure",
                properties));
    }
}
