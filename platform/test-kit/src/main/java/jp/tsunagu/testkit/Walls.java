package jp.tsunagu.testkit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The walls that keep the house simple (architecture.md), as ArchUnit rules over compiled classes:
 * a service imports no other service, only the platform and the event contracts; its
 * {@code domain/} knows no HTTP, no Kafka and none of the service's outer layers; its packages
 * form no cycle; a method that takes an {@code Idempotency-Key} honours it; {@code platform/}
 * imports no service. {@link ArchitectureContract} runs them for
 * each service, the kit's tests prove each one fails on a deliberately bad fixture.
 */
public final class Walls {

    /** Every package of the platform modules (service-kit, events, test-kit, infra). */
    public static final List<String> ALL_PLATFORM_PACKAGES = List.of(
            "jp.tsunagu.platform..", "jp.tsunagu.events..", "jp.tsunagu.testkit..", "jp.tsunagu.infra..");

    /** HTTP and messaging: what the domain of a service never touches. */
    static final String[] TRANSPORT_PACKAGES = {
            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive.messaging.."};

    private Walls() {
    }

    /** The main (not test) classes of the given packages, from the classpath. */
    public static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
    }

    /** Every rule a service's classes must keep, for the service rooted at {@code servicePackage}. */
    public static List<ArchRule> serviceRules(String servicePackage) {
        return List.of(importsNoOtherService(servicePackage), domainIsPure(servicePackage),
                noCyclesBetweenPackages(servicePackage), idempotencyKeysAreHonoured(servicePackage));
    }

    /** A service imports of {@code jp.tsunagu} only itself, {@code platform} and the event contracts. */
    public static ArchRule importsNoOtherService(String servicePackage) {
        DescribedPredicate<JavaClass> foreign = resideInAPackage("jp.tsunagu..")
                .and(DescribedPredicate.not(resideInAnyPackage(own(servicePackage), "jp.tsunagu.platform..",
                        "jp.tsunagu.events..")))
                .as("classes of another service (anything of jp.tsunagu but itself, platform and events)");
        return noClasses().that().resideInAPackage(own(servicePackage))
                .should().dependOnClassesThat(foreign)
                .because("a service talks to the others through events and REST, never through their code")
                .allowEmptyShould(true);
    }

    /** {@code domain/} imports neither the service's api, events, service nor security, nor HTTP or Kafka. */
    public static ArchRule domainIsPure(String servicePackage) {
        String[] forbidden = new String[TRANSPORT_PACKAGES.length + 4];
        forbidden[0] = servicePackage + ".api..";
        forbidden[1] = servicePackage + ".events..";
        forbidden[2] = servicePackage + ".service..";
        forbidden[3] = servicePackage + ".security..";
        System.arraycopy(TRANSPORT_PACKAGES, 0, forbidden, 4, TRANSPORT_PACKAGES.length);
        return noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("the domain holds the rules; HTTP, Kafka and the use cases sit around it")
                .allowEmptyShould(true);
    }

    /** The packages of a service (api, domain, service, events, security, ...) import each other in one direction. */
    public static ArchRule noCyclesBetweenPackages(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /**
     * A resource method that takes an {@code Idempotency-Key} header is {@code @Idempotent}: a key
     * that is documented but ignored would let a mobile app's retry record the same thing twice.
     */
    public static ArchRule idempotencyKeysAreHonoured(String servicePackage) {
        DescribedPredicate<JavaMethod> takesAKey = DescribedPredicate.describe("take an Idempotency-Key header",
                method -> method.getParameters().stream().flatMap(parameter -> parameter.getAnnotations().stream())
                        .anyMatch(annotation -> annotation.getRawType().getName().equals("jakarta.ws.rs.HeaderParam")
                                && "Idempotency-Key".equals(annotation.get("value").orElse(null))));
        return methods().that().areDeclaredInClassesThat().resideInAPackage(own(servicePackage)).and(takesAKey)
                // service-kit's @Idempotent, by its simple name: the kit does not depend on service-kit
                .should().beAnnotatedWith(DescribedPredicate.describe("@Idempotent",
                        annotation -> annotation.getRawType().getSimpleName().equals("Idempotent")))
                .because("api.md: the same key and body answer the first answer, and nothing is recorded twice")
                .allowEmptyShould(true);
    }

    /** The platform modules import no service: services build on the platform, never the reverse. */
    public static ArchRule platformImportsNoService() {
        DescribedPredicate<JavaClass> service = resideInAPackage("jp.tsunagu..")
                .and(DescribedPredicate.not(resideInAnyPackage(ALL_PLATFORM_PACKAGES.toArray(String[]::new))))
                .as("classes of a service");
        return noClasses().that().resideInAnyPackage(ALL_PLATFORM_PACKAGES.toArray(String[]::new))
                .should().dependOnClassesThat(service)
                .because("referral- and notification-service must be able to build on platform/ alone");
    }

    private static String own(String servicePackage) {
        return servicePackage + "..";
    }
}
