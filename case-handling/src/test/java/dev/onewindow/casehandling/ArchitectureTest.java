package dev.onewindow.casehandling;

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

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

/**
 * The package rules every service keeps ({@link ServiceArchitecture}), checked on this service's compiled classes,
 * each on its own so a failure names the rule: the domain (every package but web, messaging, clients and config)
 * knows no web, HTTP, Feign, Kafka, API-docs or problem type and none of the adapters — no exemption for
 * {@code @Service} classes; only the web layer uses the web layer; features have no cycles; controllers answer their
 * own records, which hold no domain type but enums.
 */
class ArchitectureTest {

    private static final String BASE = "dev.onewindow.casehandling";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    private static final ServiceArchitecture RULES = ServiceArchitecture.of(BASE);

    @Test
    void theDomainKnowsNoAdapterAndNoFrameworkEdge() {
        RULES.domainKnowsNoAdapters().check(CLASSES);
    }

    @Test
    void nothingButTheWebLayerDependsOnIt() {
        RULES.onlyTheWebLayerUsesTheWebLayer().check(CLASSES);
    }

    @Test
    void featuresAreFreeOfCycles() {
        RULES.featuresHaveNoCycles().check(CLASSES);
    }

    @Test
    void controllersReturnTheirOwnRecords() {
        RULES.controllersReturnTheirOwnRecords().check(CLASSES);
    }

    /**
     * The platform's {@code webRecordsHoldNoDomainTypes} as its documentation states it: every field of a web
     * <em>record</em> holds no domain type but enums. (The rule as the test kit compiles it checks every field of
     * every class in a web package, so it also refuses the domain service a controller is constructed with; once it
     * is limited to records, the rules of this test are {@code ServiceArchitecture.of(BASE).check()}.)
     */
    @Test
    void webRecordsHoldNoDomainTypes() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("..web..")
                .and().areDeclaredInClassesThat().areRecords()
                .and().areNotStatic()
                .should(new ArchCondition<JavaField>("hold no domain type but enums") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        field.getType().getAllInvolvedRawTypes().stream().filter(ArchitectureTest::isDomainValue)
                                .forEach(type -> events.add(SimpleConditionEvent.violated(field,
                                        field.getFullName() + " holds the domain type " + type.getName())));
                    }
                })
                .check(CLASSES);
    }

    /** A class of the service's domain (as {@link ServiceArchitecture} defines it) other than an enum. */
    private static boolean isDomainValue(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE + ".") || type.isEnum()) {
            return false;
        }
        for (String adapter : new String[] {".web", ".messaging", ".clients", ".config"}) {
            if (name.contains(adapter + ".") || name.endsWith(adapter)) {
                return false;
            }
        }
        return true;
    }
}
