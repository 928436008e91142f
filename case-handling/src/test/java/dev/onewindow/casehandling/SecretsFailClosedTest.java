package dev.onewindow.casehandling;

import java.util.HashMap;
import java.util.Map;

import dev.onewindow.platform.testkit.MongoStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local profile the service has no secrets to fall back on: started without its service account or
 * without the personal-data keys it refuses to start, naming the missing setting (and it fails before it serves
 * anything, so this is quick). The properties are written here, not taken from the test infrastructure, which adds
 * test keys.
 */
class SecretsFailClosedTest {

    @Test
    void withoutTheServiceAccountItRefusesToStart() {
        Map<String, Object> settings = production();
        settings.put("onewindow.personal-data.primary-key-id", "k1");
        settings.put("onewindow.personal-data.encryption-keys.k1", "b25ld2luZG93LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=");
        settings.put("onewindow.personal-data.lookup-key", "b25ld2luZG93LXRlc3QtbG9va3VwLWtleS0zMmJ5dGU=");
        settings.put("onewindow.security.service-account.client-id", "");
        settings.put("onewindow.security.service-account.client-secret", "");

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("onewindow.security.service-account.client-id is not set");
    }

    @Test
    void withoutThePersonalDataKeysItRefusesToStart() {
        Map<String, Object> settings = production();
        settings.put("onewindow.security.service-account.client-id", "case-handling");
        settings.put("onewindow.security.service-account.client-secret", "a-secret-from-the-vault");
        // and no onewindow.personal-data.* at all: application.yml must not bring any

        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("onewindow.personal-data.")
                .hasStackTraceContaining("is not set");
    }

    /** What a production start gets besides its secrets: infrastructure addresses, no profile. */
    private static Map<String, Object> production() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.mongodb.uri", MongoStandIn.shared().uri("case_handling_fail_closed"));
        settings.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        settings.put("logging.level.root", "OFF");
        return settings;
    }

    /** Starts the service with {@code settings} as command-line arguments (they outrank application.yml). */
    private static void start(Map<String, Object> settings) {
        String[] arguments = settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue())
                .toArray(String[]::new);
        new SpringApplicationBuilder(CaseHandlingApplication.class).run(arguments).close();
    }
}
