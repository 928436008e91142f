package dev.onewindow.catalog;

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

    private static final JavaClasses CATALOG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.onewindow.catalog");

    @Test
    void theDomainDoesNotDependOnWebOrLoaders() {
        noClasses().that().resideInAnyPackage("dev.onewindow.catalog.item", "dev.onewindow.catalog.entry",
                        "dev.onewindow.catalog.bundle", "dev.onewindow.catalog.department",
                        "dev.onewindow.catalog.calendar")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "dev.onewindow.catalog.demo..")
                .check(CATALOG);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.onewindow.catalog.(*)..").should().beFreeOfCycles().check(CATALOG);
    }

    @Test
    void controllersNeverReturnDocuments() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().haveRawReturnType(DescribedPredicate.not(annotatedWith(Document.class)))
                .check(CATALOG);
    }
}
