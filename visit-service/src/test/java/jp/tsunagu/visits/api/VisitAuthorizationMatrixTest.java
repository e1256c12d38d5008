package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.AuthorizationMatrix;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.visits.VisitFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.PARTNER;
import static jp.tsunagu.visits.VisitFixtures.PEER;
import static jp.tsunagu.visits.VisitFixtures.SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.notMet;

/** Every visit-service endpoint with every kind of caller: role (403) and scope (404). */
@QuarkusTest
class VisitAuthorizationMatrixTest {

    private static final TestTokens.Builder OFF_TEAM = TestTokens.user("v-off-team").roles("supporter").center("tokyo");
    private static final TestTokens.Builder CENTER_SYSTEM = TestTokens.user("v-center-system").roles("center-system").center("tokyo");
    private static final TestTokens.Builder ADMIN = TestTokens.user("v-admin").roles("admin");

    @TestFactory
    List<DynamicTest> everyEndpointWithEveryCaller() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        String visitId = as(SUPPORTER).body(notMet(caseId, SUPPORTER, Instant.now().minus(1, ChronoUnit.DAYS)))
                .when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
        String read = "200 200 200 404 404 403 403 403";
        String mine = "200 200 200 200 200 403 403 403";
        return new AuthorizationMatrix()
                .caller("team supporter", SUPPORTER)
                .caller("supervisor", SUPERVISOR)
                .caller("team peer", PEER)
                .caller("off-team supporter", OFF_TEAM)
                .caller("osaka supervisor", OSAKA_SUPERVISOR)
                .caller("partner agency", PARTNER)
                .caller("center system", CENTER_SYSTEM)
                .caller("admin", ADMIN)
                .endpoint("GET", "/api/v1/visits?caseId=" + caseId, null, read)
                .endpoint("GET", "/api/v1/visits", null, mine)
                .endpoint("POST", "/api/v1/visits", notMet(caseId, SUPPORTER, Instant.now()), "--- --- 403 404 404 403 403 403")
                .endpoint("GET", "/api/v1/visits/" + visitId, null, read)
                .endpoint("PATCH", "/api/v1/visits/" + visitId, Map.of(), "200 200 403 404 404 403 403 403")
                .endpoint("GET", "/api/v1/visits/" + visitId + "/revisions", null, read)
                .endpoint("GET", "/api/v1/visits/changes", null, mine)
                .endpoint("GET", "/api/v1/schedule", null, mine)
                .endpoint("GET", "/api/v1/cadence", null, mine)
                .endpoint("PUT", "/api/v1/cases/" + caseId + "/visit-plan", Map.of("intervalDays", 14),
                        "201 412 403 404 404 403 403 403")
                .endpoint("GET", "/api/v1/cases/" + caseId + "/visit-plan", null, read)
                .tests();
    }
}
