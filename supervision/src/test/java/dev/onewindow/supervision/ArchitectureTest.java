package dev.onewindow.supervision;

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
 * The package rules every service keeps ({@link ServiceArchitecture}), plus supervision's own: the settings know no
 * adapter, controllers never answer stored documents, the KPIs know nothing of the watch, orders or inspections
 * (they are counters fed what the watch hands them), and the draw is JDK-only so anyone can re-run it.
 */
class ArchitectureTest {

    private static final String SUPERVISION = "dev.onewindow.supervision";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(SUPERVISION);

    @Test
    void theServiceKeepsThePlatformsPackageRules() {
        ServiceArchitecture.of(SUPERVISION).check();
    }

    @Test
    void theConfigurationDoesNotDependOnWebOrMessaging() {
        noClasses().that().resideInAPackage(SUPERVISION + ".config..")
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
    void kpisNeverReadTheWatchOrdersOrInspections() {
        noClasses().that().resideInAPackage(SUPERVISION + ".kpi..")
                .should().dependOnClassesThat().resideInAnyPackage(SUPERVISION + ".watch..",
                        SUPERVISION + ".orders..", SUPERVISION + ".inspections..")
                .check(CLASSES);
    }

    @Test
    void theDrawAndItsVerifierNeedNothingButTheJdk() {
        noClasses().that().haveSimpleName("DrawAlgorithm").or().haveSimpleName("DrawVerifier")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..",
                        SUPERVISION + ".inspections")
                .check(CLASSES);
    }
}
