package jp.tsunagu.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walls of architecture.md, checked on a service's compiled main classes (a plain unit test,
 * no Quarkus): no other service imported, a pure {@code domain/}, no package cycles, no
 * Idempotency-Key taken and ignored. Each service's {@code ArchitectureTest} extends it, beside its
 * {@code ServiceBasicsTest}; see {@link Walls}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    private JavaClasses classes;

    /** The service's root package, e.g. {@code jp.tsunagu.cases}. */
    protected abstract String servicePackage();

    @BeforeAll
    void importTheServiceClasses() {
        classes = Walls.mainClasses(servicePackage());
    }

    @Test
    void checksTheServiceItIsPartOf() {
        // a typo in servicePackage() would check nothing and pass: the test sits in the package it names
        assertTrue(getClass().getPackageName().startsWith(servicePackage()),
                () -> getClass().getName() + " checks " + servicePackage() + ", not its own service");
    }

    @Test
    void importsNoOtherService() {
        Walls.importsNoOtherService(servicePackage()).check(classes);
    }

    @Test
    void keepsTheDomainFreeOfHttpKafkaAndOuterLayers() {
        Walls.domainIsPure(servicePackage()).check(classes);
    }

    @Test
    void honoursEveryIdempotencyKeyItTakes() {
        Walls.idempotencyKeysAreHonoured(servicePackage()).check(classes);
    }

    @Test
    void hasNoCyclesBetweenItsPackages() {
        Walls.noCyclesBetweenPackages(servicePackage()).check(classes);
    }
}
