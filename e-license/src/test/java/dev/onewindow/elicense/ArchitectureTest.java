package dev.onewindow.elicense;

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
 * The package rules every service keeps ({@link ServiceArchitecture}: the domain knows no web, HTTP, messaging or
 * problem types and none of the adapters, with no exemption for {@code @Service} classes; only the web layer uses
 * the web layer; features have no cycles; responses are the controllers' own records), plus e-license's own: the
 * settings records know no adapter either, and sealing is a building block that knows nothing of licences.
 */
class ArchitectureTest {

    private static final String ELICENSE = "dev.onewindow.elicense";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ELICENSE);

    @Test
    void theServiceKeepsThePlatformsPackageRules() {
        ServiceArchitecture.of(ELICENSE).check();
    }

    /** The settings records are read by the domain: they know no adapter either. */
    @Test
    void theConfigurationDoesNotDependOnWebOrMessaging() {
        noClasses().that().resideInAPackage(ELICENSE + ".config..")
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
    void sealingKnowsNothingOfLicences() {
        noClasses().that().resideInAPackage(ELICENSE + ".seal..")
                .should().dependOnClassesThat().resideInAnyPackage(ELICENSE + ".license..",
                        ELICENSE + ".authorization..", ELICENSE + ".statuslist..")
                .check(CLASSES);
    }
}
