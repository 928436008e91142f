package dev.onewindow.evaluation;

import java.util.HashMap;
import java.util.Map;
import dev.onewindow.platform.testkit.MongoStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local profile evaluation has no secrets to fall back on: started without the personal-data keys (which seal
 * the raters' contact numbers and hash their ID numbers), or without its service account (which reads bad raters'
 * numbers from case-handling and hotline-12345), it refuses to start, naming the missing setting. The properties are
 * written here, not taken from the test infrastructure, which adds test keys.
 */
class SecretsFailClosedTest {

    @Test
    void withoutTheServiceAccountItRefusesToStart() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.mongodb.uri", MongoStandIn.shared().uri("evaluation_fail_closed"));
        settings.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        settings.put("logging.level.root", "OFF");
        settings.put("onewindow.personal-data.primary-key-id", "k1");
        settings.put("onewindow.personal-data.encryption-keys.k1", "b25ld2luZG93LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=");
        settings.put("onewindow.personal-data.lookup-key", "b25ld2luZG93LXRlc3QtbG9va3VwLWtleS0zMmJ5dGU=");
        // evaluation reads bad raters' numbers from case-handling and hotline-12345 as its own service account
        settings.put("onewindow.security.service-account.client-id", "");
        settings.put("onewindow.security.service-account.client-secret", "");

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("onewindow.security.service-account.client-id is not set");
    }

    @Test
    void withoutThePersonalDataKeysItRefusesToStart() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.mongodb.uri", MongoStandIn.shared().uri("evaluation_fail_closed"));
        settings.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        settings.put("logging.level.root", "OFF");
        // and no onewindow.personal-data.* at all: application.yml must not bring any

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("onewindow.personal-data.")
                .hasStackTraceContaining("is not set");
    }

    /** Starts the service with {@code settings} as command-line arguments (they outrank application.yml). */
    private static void start(Map<String, Object> settings) {
        String[] arguments = settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue())
                .toArray(String[]::new);
        new SpringApplicationBuilder(EvaluationApplication.class).run(arguments).close();
    }
}
