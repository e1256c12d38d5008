package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.CaseServiceStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.notMet;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A case not heard of yet while case-service cannot be asked: the caller is answered 503 as
 * problem+json, to retry shortly, whether case-service fails or drops the connection.
 */
@QuarkusTest
class CaseServiceOutageTest {

    @Inject
    CircuitBreakerMaintenance circuits;

    @AfterEach
    void closeTheCircuit() {
        circuits.resetAll();
    }

    @Test
    void aCaseNotHeardOfWhileCaseServiceFailsIsA503ToRetry() {
        UUID failing = UUID.randomUUID();
        CaseServiceStub.answers(failing, 500);
        as(SUPPORTER).body(notMet(failing.toString(), SUPPORTER, Instant.now().minus(1, ChronoUnit.HOURS)))
                .when().post("/api/v1/visits").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tsunagu.jp/problems/unavailable"))
                .body("detail", containsString("retry shortly"));

        UUID dropping = UUID.randomUUID();
        CaseServiceStub.dropsConnection(dropping);
        as(SUPPORTER).queryParam("caseId", dropping.toString()).when().get("/api/v1/visits").then().statusCode(503)
                .contentType("application/problem+json").body("status", equalTo(503));
    }
}
