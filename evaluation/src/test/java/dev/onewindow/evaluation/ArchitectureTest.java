package dev.onewindow.evaluation;

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
 * The package rules every service keeps ({@link ServiceArchitecture}), plus evaluation's own: the settings know no
 * adapter, controllers never answer stored documents, and the statistics know nothing of ratings (they are kept
 * from what the domain hands them, never by reading ratings).
 */
class ArchitectureTest {

    private static final String EVALUATION = "dev.onewindow.evaluation";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(EVALUATION);

    @Test
    void theServiceKeepsThePlatformsPackageRules() {
        ServiceArchitecture.of(EVALUATION).check();
    }

    @Test
    void theConfigurationDoesNotDependOnWebOrMessaging() {
        noClasses().that().resideInAPackage(EVALUATION + ".config..")
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
    void statisticsNeverReadRatings() {
        noClasses().that().resideInAPackage(EVALUATION + ".statistics..")
                .should().dependOnClassesThat().resideInAnyPackage(EVALUATION + ".ratings..",
                        EVALUATION + ".rectifications..", EVALUATION + ".appeals..")
                .check(CLASSES);
    }
}
