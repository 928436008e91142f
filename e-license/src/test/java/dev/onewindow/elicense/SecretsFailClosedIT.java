package dev.onewindow.elicense;

import java.util.Map;

import dev.onewindow.platform.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets fail closed: outside the local profile e-license neither makes up a seal key nor starts without one. The
 * service is started as production would start it — no profile, only {@code application.yml} (not the tests'
 * {@code config/application.yml}, which configures keys for ZRZYJ) — on the test infrastructure, whose personal-data
 * keys are present (and the service account's settings, which every test context gets from
 * {@code CaseHandlingStub} through META-INF/spring.factories), so the one thing missing is the seal keys.
 */
class SecretsFailClosedIT {

    @Test
    void withoutTheLocalProfileAndWithoutSealKeysTheServiceRefusesToStartNamingTheSetting() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(ELicenseApplication.class)
                .initializers(new TestInfrastructure())
                .properties(Map.of("server.port", "0", "spring.kafka.listener.auto-startup", "false"));

        assertThatThrownBy(() -> production.run("--spring.config.location=classpath:/application.yml"))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("onewindow.elicense.signing-keys is not set");
    }
}
