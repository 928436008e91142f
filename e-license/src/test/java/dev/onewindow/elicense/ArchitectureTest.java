package dev.onewindow.elicense;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.onewindow.platform.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules every service keeps ({@link ServiceArchitecture}: the domain knows no web, HTTP, messaging or
 * problem types and none of the adapters, with no exemption for {@code @Service} classes; only the web layer uses
 * the web layer; features have no cycles; responses are the controllers' own records), plus e-license's own:
 * sealing is a building block that knows nothing of licences.
 */
class ArchitectureTest {

    private static final String ELICENSE = "dev.onewindow.elicense";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ELICENSE);
    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of(ELICENSE);

    @Test
    void theDomainKnowsNoWebHttpMessagingOrProblemTypesAndNoAdapter() {
        ARCHITECTURE.domainKnowsNoAdapters().check(CLASSES);
    }

    @Test
    void onlyTheWebLayerUsesTheWebLayer() {
        ARCHITECTURE.onlyTheWebLayerUsesTheWebLayer().check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        ARCHITECTURE.featuresHaveNoCycles().check(CLASSES);
    }

    @Test
    void controllersReturnTheirOwnRecords() {
        ARCHITECTURE.controllersReturnTheirOwnRecords().check(CLASSES);
    }

    /**
     * The platform's {@code webRecordsHoldNoDomainTypes} as its documentation states it: every field of a web
     * <em>record</em> holds no domain type but enums. (The platform's rule as compiled checks every field of every
     * class in a web package, so it also refuses the domain service a controller is constructed with; once it is
     * limited to records, this test becomes {@code ServiceArchitecture.of(ELICENSE).check()}.)
     */
    @Test
    void webRecordsHoldNoDomainTypes() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("..web..")
                .and().areDeclaredInClassesThat().areRecords()
                .and().areNotStatic()
                .should(new ArchCondition<JavaField>("hold no domain type but enums") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        field.getType().getAllInvolvedRawTypes().stream()
                                .filter(type -> type.getPackageName().startsWith(ELICENSE + ".")
                                        && !type.getPackageName().contains(".web")
                                        && !type.getPackageName().contains(".config") && !type.isEnum())
                                .forEach(type -> events.add(SimpleConditionEvent.violated(field,
                                        field.getFullName() + " holds the domain type " + type.getName())));
                    }
                })
                .check(CLASSES);
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
