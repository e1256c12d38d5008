package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
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

    private record Endpoint(String method, String path, Object body, String expected) {
    }

    @TestFactory
    List<DynamicTest> everyEndpointWithEveryCaller() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        String visitId = as(SUPPORTER).body(notMet(caseId, SUPPORTER, Instant.now().minus(1, ChronoUnit.DAYS)))
                .when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
        Map<String, TestTokens.Builder> callers = new LinkedHashMap<>();
        callers.put("team supporter", SUPPORTER);
        callers.put("supervisor", SUPERVISOR);
        callers.put("team peer", PEER);
        callers.put("off-team supporter", OFF_TEAM);
        callers.put("osaka supervisor", OSAKA_SUPERVISOR);
        callers.put("partner agency", PARTNER);
        callers.put("center system", CENTER_SYSTEM);
        callers.put("admin", ADMIN);
        String read = "200 200 200 404 404 403 403 403";
        String mine = "200 200 200 200 200 403 403 403";
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/visits?caseId=" + caseId, null, read),
                new Endpoint("GET", "/api/v1/visits", null, mine),
                new Endpoint("POST", "/api/v1/visits", notMet(caseId, SUPPORTER, Instant.now()), "--- --- 403 404 404 403 403 403"),
                new Endpoint("GET", "/api/v1/visits/" + visitId, null, read),
                new Endpoint("PATCH", "/api/v1/visits/" + visitId, Map.of(), "200 200 403 404 404 403 403 403"),
                new Endpoint("GET", "/api/v1/visits/" + visitId + "/revisions", null, read),
                new Endpoint("GET", "/api/v1/visits/changes", null, mine),
                new Endpoint("GET", "/api/v1/schedule", null, mine),
                new Endpoint("GET", "/api/v1/cadence", null, mine),
                new Endpoint("PUT", "/api/v1/cases/" + caseId + "/visit-plan", Map.of("intervalDays", 14),
                        "200 412 403 404 404 403 403 403"),
                new Endpoint("GET", "/api/v1/cases/" + caseId + "/visit-plan", null, read));

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String[] expected = endpoint.expected().split(" ");
            int i = 0;
            for (Map.Entry<String, TestTokens.Builder> caller : callers.entrySet()) {
                String want = expected[i++];
                if (want.equals("---")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + caller.getKey() + " → " + want,
                        () -> {
                            var request = given().auth().oauth2(caller.getValue().token());
                            if (endpoint.method().equals("PUT") || endpoint.method().equals("PATCH")) {
                                request.header("If-Match", "\"0\"");
                            }
                            if (endpoint.body() != null) {
                                request.contentType("application/json").body(endpoint.body());
                            }
                            request.when().request(endpoint.method(), endpoint.path()).then().statusCode(Integer.parseInt(want));
                        }));
            }
        }
        return tests;
    }
}
