package dev.onewindow.hotline;

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
 * The package rules every service keeps ({@link ServiceArchitecture}), plus the hotline's own: the settings know no
 * adapter, controllers never answer stored documents, and the work-order domain does not know the Open311 facade
 * (the facade is an adapter over it).
 */
class ArchitectureTest {

    private static final String HOTLINE = "dev.onewindow.hotline";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(HOTLINE);

    @Test
    void theServiceKeepsThePlatformsPackageRules() {
        ServiceArchitecture.of(HOTLINE).check();
    }

    @Test
    void theConfigurationDoesNotDependOnWebOrMessaging() {
        noClasses().that().resideInAPackage(HOTLINE + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..")
                .check(CLASSES);
    }

    @Test
    void controllersNeverReturnDocuments() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().haveRawReturnType(DescribedPredicate.not(annotatedWith(Document.class)))
                .check(CLASSES);
    }

    @Test
    void workOrdersKnowNothingOfTheOpen311Facade() {
        noClasses().that().resideInAPackage(HOTLINE + ".orders..")
                .should().dependOnClassesThat().resideInAPackage(HOTLINE + ".open311..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
