package dev.onewindow.supervision;

import java.util.HashMap;
import java.util.Map;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.onewindow.platform.testkit.MongoStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * supervision holds no personal data — matters by id and number, departments, enterprises by USCC, staff by user
 * name — so it has no secret of its own: outside the local profile it starts without the personal-data keys (the
 * platform makes them only for a service that asks). What keeps that true is checked here too: no class of the
 * module encrypts or hashes personal data; the day one does, the keys become required and this test must change.
 */
class SecretsFailClosedTest {

    @Test
    void itNeedsNoPersonalDataKeysBecauseItHandlesNoPersonalData() {
        noClasses().that().resideInAPackage("dev.onewindow.supervision..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("FieldCipher")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("LookupHasher")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.onewindow.supervision"));

        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.mongodb.uri", MongoStandIn.shared().uri("supervision_no_secrets"));
        settings.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        settings.put("spring.kafka.listener.auto-startup", "false");
        settings.put("logging.level.root", "OFF");
        String[] arguments = settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SupervisionApplication.class)
                .run(arguments)) {
            assertThat(context.getEnvironment().getProperty("onewindow.personal-data.lookup-key")).isNull();
            assertThat(context.isRunning()).isTrue();
        }
    }
}
