package dev.onewindow.casehandling;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** STYLE.md's package rules for this service, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.onewindow.casehandling");

    @Test
    void theDomainDoesNotKnowTheWebMessagingOrPeerClients() {
        noClasses().that().resideInAPackage("dev.onewindow.casehandling.cases")
                .and().areNotAnnotatedWith(Service.class)
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..clients..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheWebLayerDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("dev.onewindow.casehandling..web..")
                .check(CLASSES);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("dev.onewindow.casehandling.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controllersNeverReturnStoredDocuments() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "not a @Document class", type -> !type.isAnnotatedWith(Document.class)))
                .check(CLASSES);
    }
}
