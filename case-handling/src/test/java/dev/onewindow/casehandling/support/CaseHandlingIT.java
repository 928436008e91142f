package dev.onewindow.casehandling.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.onewindow.platform.testkit.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The platform's {@code @IntegrationTest} (real Kafka, Mongo wire-protocol server, token minter, the
 * {@code local} profile) plus the service-catalog and e-license stubs and the test clock. Every integration test of
 * this module uses exactly this, so one Spring context serves them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestInfrastructure.class, CaseHandlingTestSetup.class})
@ActiveProfiles("local")
public @interface CaseHandlingIT {
}
