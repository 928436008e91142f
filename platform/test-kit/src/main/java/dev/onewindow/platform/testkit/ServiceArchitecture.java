package dev.onewindow.platform.testkit;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every service keeps, checked on its compiled classes (one {@code ArchitectureTest} per service
 * calls {@link #check()}):
 * <ul>
 * <li>the domain — every package of the service except {@code web}, {@code messaging}, {@code clients} and
 *     {@code config} — imports no web, HTTP, servlet, Feign, Kafka, API-docs or problem types, and none of the
 *     service's own adapters ({@code web}, {@code messaging}, {@code clients}; it may read the settings records of
 *     {@code config}). No exemption for {@code @Service} classes: a domain service that needs a peer asks
 *     through an interface of its own package, which {@code clients} implements;</li>
 * <li>only the web layer depends on the web layer;</li>
 * <li>features are free of cycles;</li>
 * <li>what a controller returns, and every field of a web record (any class of a web package but the controllers,
 *     whose fields are the services they call), holds no domain type other than an enum: a response is its own
 *     record, so the domain can change without changing the API.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    /** The service's adapters; {@code config} (properties records and wiring) is not one: the domain reads its settings. */
    private static final String[] ADAPTERS = {"..web..", "..messaging..", "..clients.."};
    private static final String[] FRAMEWORK_EDGES = {"org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "feign..", "org.springframework.cloud.openfeign..", "org.springframework.kafka..",
            "org.apache.kafka..", "io.swagger..", "org.springdoc..", "dev.onewindow.platform.problem.."};

    private final String basePackage;
    private final JavaClasses classes;

    private ServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage);
    }

    /** Every rule; each failure names the offending class and dependency. */
    public void check() {
        for (ArchRule rule : rules()) {
            rule.check(classes);
        }
    }

    public List<ArchRule> rules() {
        return List.of(domainKnowsNoAdapters(), onlyTheWebLayerUsesTheWebLayer(), featuresHaveNoCycles(),
                controllersReturnTheirOwnRecords(), webRecordsHoldNoDomainTypes());
    }

    public ArchRule domainKnowsNoAdapters() {
        return noClasses().that(domain())
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK_EDGES)
                .orShould().dependOnClassesThat().resideInAnyPackage(adapters())
                .as("the domain imports no web, HTTP, Feign, messaging or problem types, and none of the adapters");
    }

    public ArchRule onlyTheWebLayerUsesTheWebLayer() {
        return noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + "..web..");
    }

    public ArchRule featuresHaveNoCycles() {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    public ArchRule controllersReturnTheirOwnRecords() {
        return methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should(new ArchCondition<JavaMethod>("return no domain type but enums") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        method.getReturnType().getAllInvolvedRawTypes().stream().filter(ServiceArchitecture.this::isDomainValue)
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " returns the domain type " + type.getName())));
                    }
                });
    }

    public ArchRule webRecordsHoldNoDomainTypes() {
        // a controller's own fields are the services it calls; what it sends and receives are the web records
        return fields().that().areDeclaredInClassesThat().resideInAPackage("..web..")
                .and().areDeclaredInClassesThat()
                .areNotAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .and().areNotStatic()
                .should(new ArchCondition<JavaField>("hold no domain type but enums") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        field.getType().getAllInvolvedRawTypes().stream().filter(ServiceArchitecture.this::isDomainValue)
                                .forEach(type -> events.add(SimpleConditionEvent.violated(field,
                                        field.getFullName() + " holds the domain type " + type.getName())));
                    }
                }).allowEmptyShould(true);
    }

    private DescribedPredicate<JavaClass> domain() {
        return DescribedPredicate.describe("are in the domain of " + basePackage, this::inDomain);
    }

    private boolean inDomain(JavaClass type) {
        String name = type.getPackageName();
        if (!name.equals(basePackage) && !name.startsWith(basePackage + ".")) {
            return false;
        }
        for (String adapter : List.of(".web", ".messaging", ".clients", ".config")) {
            if (name.contains(adapter + ".") || name.endsWith(adapter)) {
                return false;
            }
        }
        // the application class wires the service together: it is configuration, not domain
        return !type.getPackageName().equals(basePackage);
    }

    /** A domain class other than an enum (an enum is vocabulary the API shares: its names are the contract). */
    private boolean isDomainValue(JavaClass type) {
        return inDomain(type) && !type.isEnum();
    }

    private String[] adapters() {
        return java.util.Arrays.stream(ADAPTERS).map(a -> basePackage + a).toArray(String[]::new);
    }
}
