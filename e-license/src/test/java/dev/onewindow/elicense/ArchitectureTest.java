package dev.onewindow.elicense;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package rules of STYLE.md: the domain does not know its adapters, and features do not depend in a circle. */
class ArchitectureTest {

    private static final JavaClasses ELICENSE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.onewindow.elicense");

    @Test
    void theDomainDoesNotDependOnWebOrMessaging() {
        noClasses().that().resideInAnyPackage("dev.onewindow.elicense.license", "dev.onewindow.elicense.licensetype",
                        "dev.onewindow.elicense.seal", "dev.onewindow.elicense.statuslist",
                        "dev.onewindow.elicense.authorization", "dev.onewindow.elicense.config")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..")
                .check(ELICENSE);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.onewindow.elicense.(*)..").should().beFreeOfCycles().check(ELICENSE);
    }

    @Test
    void sealingKnowsNothingOfLicences() {
        noClasses().that().resideInAPackage("dev.onewindow.elicense.seal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.onewindow.elicense.license..",
                        "dev.onewindow.elicense.authorization..", "dev.onewindow.elicense.statuslist..")
                .check(ELICENSE);
    }

    @Test
    void controllersNeverReturnDocuments() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().haveRawReturnType(DescribedPredicate.not(annotatedWith(Document.class)))
                .check(ELICENSE);
    }
}
