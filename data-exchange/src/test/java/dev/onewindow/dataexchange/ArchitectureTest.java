package dev.onewindow.dataexchange;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.onewindow.platform.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules every service keeps ({@link ServiceArchitecture}), plus data-exchange's own: the settings know no
 * adapter, controllers never answer stored documents, the domain reaches providers only through its port (never
 * Feign), and the access log knows nothing of grants, resources or the exchange that feeds it.
 */
class ArchitectureTest {

    private static final String DX = "dev.onewindow.dataexchange";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(DX);

    @Test
    void theServiceKeepsThePlatformsPackageRules() {
        ServiceArchitecture.of(DX).check();
    }

    @Test
    void theConfigurationDoesNotDependOnWebOrMessaging() {
        noClasses().that().resideInAPackage(DX + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..clients..")
                .check(CLASSES);
    }

    @Test
    void controllersNeverReturnDocuments() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().haveRawReturnType(DescribedPredicate.not(annotatedWith(Document.class)))
                .check(CLASSES);
    }

    @Test
    void theExchangeReachesProvidersOnlyThroughItsPort() {
        noClasses().that().resideInAnyPackage(DX + ".exchange..", DX + ".datasets..", DX + ".grants..")
                .should().dependOnClassesThat().resideInAnyPackage("feign..", "org.springframework.cloud.openfeign..",
                        DX + ".clients..")
                .check(CLASSES);
    }

    @Test
    void theAccessLogStandsOnItsOwn() {
        noClasses().that().resideInAPackage(DX + ".accesslog..")
                .should().dependOnClassesThat().resideInAnyPackage(DX + ".grants..", DX + ".resources..",
                        DX + ".exchange..", DX + ".sharing..", DX + ".datasets..")
                .check(CLASSES);
    }
}
