package dev.onewindow.dataexchange;

import java.util.HashMap;
import java.util.Map;

import dev.onewindow.dataexchange.support.Fixtures;
import dev.onewindow.platform.testkit.MongoStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local profile data-exchange has no secrets to fall back on: started without the key that signs the
 * access log's heads it refuses to start, naming the setting; without the personal-data keys likewise. The properties
 * are written here, not taken from the test infrastructure, which adds test keys.
 */
class SecretsFailClosedTest {

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.mongodb.uri", MongoStandIn.shared().uri("dataexchange_fail_closed"));
        settings.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        settings.put("logging.level.root", "OFF");
        return settings;
    }

    @Test
    void withoutTheHeadSigningKeyItRefusesToStart() {
        Map<String, Object> settings = settings();
        settings.put("onewindow.personal-data.encryption-keys.test", "b25ld2luZG93LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=");
        settings.put("onewindow.personal-data.primary-key-id", "test");
        settings.put("onewindow.personal-data.lookup-key", "b25ld2luZG93LXRlc3QtbG9va3VwLWtleS0zMmJ5dGU=");

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("onewindow.dataexchange.access-log.signing-key.private-key")
                .hasStackTraceContaining("is not set");
    }

    @Test
    void withoutThePersonalDataKeysItRefusesToStart() {
        Map<String, Object> settings = settings();
        settings.put("onewindow.dataexchange.access-log.signing-key.kid", "k");
        settings.put("onewindow.dataexchange.access-log.signing-key.private-key", Fixtures.DEV_PRIVATE_KEY);
        settings.put("onewindow.dataexchange.access-log.signing-key.public-key", Fixtures.DEV_PUBLIC_KEY);

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("onewindow.personal-data.")
                .hasStackTraceContaining("is not set");
    }

    private static void start(Map<String, Object> settings) {
        String[] arguments = settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue())
                .toArray(String[]::new);
        new SpringApplicationBuilder(DataExchangeApplication.class).run(arguments).close();
    }
}
