package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.everyKindOfCaller;
import static jp.tsunagu.cases.CaseFixtures.openWithSupporterAndPeer;

/**
 * Every case-service endpoint with every kind of caller: both layers of authorization, role (403)
 * and scope (404 for another center's case or one the caller is not on the team of). Reads are
 * checked for their success too; creating writes for their refusals (their successes are the other
 * tests); updates send If-Match "0", so that a stale version (412) shows the caller got through.
 */
@QuarkusTest
class AuthorizationMatrixTest {


    private String caseId;
    private String concernId;

    /** Set up inside the factory: RestAssured knows the test port only once a test runs. */
    private void aCaseWithATeamAPlanAndACrisisPlan() {
        caseId = openWithSupporterAndPeer();
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("goal", "居場所", "reason", "初回")).when().put("/api/v1/cases/" + caseId + "/plan")
                .then().statusCode(201);
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("contacts", List.of(Map.of("name", "警察", "phone", "110")), "instructions", "110番"))
                .when().put("/api/v1/cases/" + caseId + "/crisis-plan").then().statusCode(201);
        concernId = given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json")
                .body(Map.of("kind", "WISH", "category", "HOBBY", "raisedBy", "SUBJECT"))
                .when().post("/api/v1/cases/" + caseId + "/concerns").then().statusCode(201).extract().path("id");
    }

    @TestFactory
    List<DynamicTest> everyEndpointWithEveryCaller() {
        aCaseWithATeamAPlanAndACrisisPlan();
        String c = "/api/v1/cases/" + caseId;
        Map<String, Object> assessment = Map.of("assessedOn", "2026-11-21", "withdrawalDegree", "STAYS_HOME",
                "mentalState", Map.of("suspectedUntreatedIllness", false), "intellectualDisabilitySuspected", false,
                "familyCapacity", Map.of("level", "WEAK"), "crisisUrgency", "NONE");
        // expectations per caller, in the order of the callers below:
        // team supporter, supervisor, team peer, off-team supporter, off-team peer, osaka supervisor,
        // osaka supporter, partner agency, center system, admin
        String read = "200 200 200 404 404 404 404 403 403 403";
        String sensitiveRead = "200 200 403 404 403 404 404 403 403 403";
        String write = "--- --- 403 404 403 404 404 403 403 403";
        return everyKindOfCaller()
                .endpoint("GET", "/api/v1/cases", null, "200 200 200 200 200 200 200 403 403 403")
                .endpoint("POST", "/api/v1/cases", Map.of(), "400 400 403 400 403 400 400 403 403 403")
                .endpoint("GET", "/api/v1/cases/potential-duplicates?familyNameKana=サトウ&givenNameKana=タロウ", null,
                        "200 200 403 200 403 200 200 403 403 403")
                .endpoint("GET", "/api/v1/cases/changes", null, "200 200 200 200 200 200 200 403 403 403")
                .endpoint("GET", c, null, read)
                .endpoint("PATCH", c, Map.of(), "200 200 403 404 403 404 404 403 403 403")
                .endpoint("GET", c + "/team", null, read)
                .endpoint("PUT", c + "/team", Map.of("members", List.of()), "403 400 403 403 403 400 403 403 403 403")
                .endpoint("GET", c + "/phase-transitions", null, read)
                .endpoint("POST", c + "/phase-transitions", Map.of("to", "ASSESSMENT", "reason", "x"), "409 409 403 404 403 404 404 403 403 403")
                .endpoint("GET", c + "/assessments", null, sensitiveRead)
                .endpoint("POST", c + "/assessments", assessment, write)
                .endpoint("GET", c + "/plan", null, sensitiveRead)
                .endpoint("GET", c + "/plan/revisions", null, sensitiveRead)
                .endpoint("PUT", c + "/plan", Map.of("goal", "g", "reason", "r"), "412 412 403 404 403 404 404 403 403 403")
                .endpoint("GET", c + "/crisis-plan", null, sensitiveRead)
                .endpoint("PUT", c + "/crisis-plan", Map.of("contacts", List.of(Map.of("name", "n", "phone", "110")), "instructions", "i"),
                        "412 412 403 404 403 404 404 403 403 403")
                .endpoint("GET", c + "/crises", null, sensitiveRead)
                .endpoint("POST", c + "/crises", Map.of("occurredAt", "2026-11-20T10:00:00+09:00", "kinds", List.of("VIOLENCE"),
                        "actions", List.of()), write)
                .endpoint("GET", c + "/concerns", null, read)
                .endpoint("POST", c + "/concerns", Map.of("kind", "WISH", "category", "MONEY", "raisedBy", "FAMILY"), write)
                .endpoint("PATCH", c + "/concerns/" + concernId, Map.of("status", "IN_PROGRESS"), "200 412 403 404 403 404 404 403 403 403")
                .endpoint("GET", c + "/milestones", null, read)
                .endpoint("POST", c + "/milestones", Map.of("kind", "ACCEPTED_VISITS", "reachedOn", "2026-11-01"), write)
                .endpoint("GET", c + "/timeline", null, read)
                .endpoint("GET", c + "/access-log", null, "403 200 403 403 403 404 403 403 403 403")
                .endpoint("POST", c + "/closure", Map.of(), "403 400 403 403 403 400 403 403 403 403")
                .endpoint("POST", c + "/reopening", Map.of("reason", "r"), "409 409 403 404 403 404 404 403 403 403")
                .endpoint("POST", c + "/home-visit-end", Map.of(), "400 400 403 400 403 400 400 403 403 403")
                .endpoint("GET", "/api/v1/stats?from=2026-01-01&to=2026-12-31", null, "403 200 403 403 403 200 403 403 200 403")
                .endpoint("GET", "/api/v1/reports/activity?from=2026-01-01&to=2026-12-31", null,
                        "403 200 403 403 403 200 403 403 200 403")
                .endpoint("GET", "/api/v1/cases/" + UUID.randomUUID(), null, "404 404 404 404 404 404 404 403 403 403")
                .tests();
    }
}
