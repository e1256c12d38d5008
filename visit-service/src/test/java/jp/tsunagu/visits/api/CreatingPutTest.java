package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.CreatingPut;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;

/** The visit plan is created by its first PUT (RFC 9110 preconditions). */
@QuarkusTest
class CreatingPutTest {

    @Test
    void theVisitPlanIsCreatedByItsFirstPut() {
        CreatingPut.holdsFor(SUPPORTER, () -> "/api/v1/cases/" + caseWithTeam(SUPPORTER) + "/visit-plan",
                Map.of("intervalDays", 14, "preferredTime", "平日午後"));
    }
}
