package jp.tsunagu.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jp.tsunagu.testkit.fixture.PlatformLeak;
import jp.tsunagu.testkit.fixture.PlatformPiece;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walls can fail: each rule finds what a deliberately bad fixture service breaks, and finds
 * nothing in one that keeps to them (fixtures under {@code jp.tsunagu.fixture}, test sources only).
 */
class WallsTest {

    private static final String BAD = "jp.tsunagu.fixture.bad";
    private static final String GOOD = "jp.tsunagu.fixture.good";

    private final JavaClasses fixtures = new ClassFileImporter().importPackages("jp.tsunagu.fixture");

    @Test
    void aServiceImportingAnotherServiceBreaksTheWall() {
        assertThat(violations(Walls.importsNoOtherService(BAD)))
                .anyMatch(line -> line.contains("fixture.bad.service.Orders") && line.contains("fixture.other.Thing"));
    }

    @Test
    void aDomainThatKnowsItsApiHttpOrKafkaBreaksTheWall() {
        List<String> violations = violations(Walls.domainIsPure(BAD));
        assertThat(violations).anyMatch(line -> line.contains("bad.domain.Order") && line.contains("bad.api.OrderResource"));
        assertThat(violations).anyMatch(line -> line.contains("bad.domain.Order") && line.contains("jakarta.ws.rs.core.Response"));
        assertThat(violations).anyMatch(line -> line.contains("bad.domain.Order")
                && line.contains("org.apache.kafka.clients.producer.ProducerRecord"));
    }

    @Test
    void serviceAndEventsImportingEachOtherIsACycle() {
        assertThat(String.join("\n", violations(Walls.noCyclesBetweenPackages(BAD))))
                .contains("Cycle detected")
                .contains("events")
                .contains("service");
    }

    @Test
    void anIdempotencyKeyTakenWithoutIdempotentBreaksTheWall() {
        assertThat(violations(Walls.idempotencyKeysAreHonoured(BAD)))
                .anyMatch(line -> line.contains("fixture.bad.api.OrderResource.place"));
    }

    @Test
    void aServiceThatKeepsTheWallsPassesEveryRule() {
        for (ArchRule rule : Walls.serviceRules(GOOD)) {
            assertThat(rule.evaluate(fixtures).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    @Test
    void aPlatformClassImportingAServiceBreaksTheWall() {
        JavaClasses platform = new ClassFileImporter().importClasses(PlatformLeak.class, PlatformPiece.class);
        EvaluationResult result = Walls.platformImportsNoService().evaluate(platform);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("PlatformLeak") && line.contains("fixture.bad.domain.Order"))
                .noneMatch(line -> line.contains("PlatformPiece"));
    }

    private List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().getDetails();
    }
}
