package dev.onewindow.catalog;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.onewindow.platform.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules every service keeps ({@link ServiceArchitecture}): the domain knows no web, HTTP, messaging or
 * problem types and none of the adapters (no exemption for {@code @Service} classes); only the web layer uses the
 * web layer; features do not depend in a circle; controllers answer with their own records and web records hold no
 * domain type but enums (so no stored document is ever returned). Plus the catalog's own rule: the demo loader uses
 * the domain, the domain never needs it.
 */
class ArchitectureTest {

    private static final String CATALOG = "dev.onewindow.catalog";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CATALOG);

    /** Every rule of {@link ServiceArchitecture}. */
    @Test
    void theServiceKeepsThePackageRulesOfEveryService() {
        ServiceArchitecture.of(CATALOG).check();
    }

    /** A controller holds the domain services and repositories it calls (injected, final) and nothing else. */
    @Test
    void controllersHoldOnlyTheServicesTheyCall() {
        fields().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class).and().areNotStatic()
                .should().beFinal()
                .andShould(new ArchCondition<JavaField>("be a domain service, a repository or a type of no domain") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        JavaClass type = field.getRawType();
                        boolean collaborator = type.isAnnotatedWith(Service.class) || type.isAssignableTo(Repository.class)
                                || !type.getPackageName().startsWith(CATALOG + ".");
                        if (!collaborator || !field.getType().getAllInvolvedRawTypes().stream()
                                .allMatch(t -> t.equals(type) || !t.getPackageName().startsWith(CATALOG + "."))) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                    + " holds " + field.getType().getName() + ", not a service it calls"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotDependOnTheDemoLoader() {
        noClasses().that().resideInAnyPackage(CATALOG + ".item..", CATALOG + ".entry..", CATALOG + ".bundle..",
                        CATALOG + ".department..", CATALOG + ".calendar..")
                .should().dependOnClassesThat().resideInAnyPackage(CATALOG + ".demo..")
                .check(CLASSES);
    }
}
