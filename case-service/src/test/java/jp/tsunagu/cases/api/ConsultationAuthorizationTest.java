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
 * The consultation endpoints with every kind of caller, in the style of {@link AuthorizationMatrixTest}:
 * role (403) and scope (404 for another center's case, or one the caller is not on the team of).
 * The PATCH sends If-Match "0" (a consultation starts at version 1), so 412 shows the caller got through.
 */
@QuarkusTest
class ConsultationAuthorizationTest {


    private String caseId;
    private String consultationId;

    /** Set up inside the factory: RestAssured knows the test port only once a test runs. */
    private void aCaseWithATeamAndAConsultation() {
        caseId = openWithSupporterAndPeer();
        consultationId = given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json")
                .body(consultation()).when().post("/api/v1/cases/" + caseId + "/consultations")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> consultation() {
        return Map.of("occurredAt", "2026-11-25T10:00:00+09:00", "channel", "CENTER_VISIT", "with", "FAMILY",
                "relation", "FATHER", "topics", List.of("HOME_VISIT_PROPOSAL"), "notes", "来所。訪問の提案について");
    }

    @TestFactory
    List<DynamicTest> everyConsultationEndpointWithEveryCaller() {
        aCaseWithATeamAndAConsultation();
        String c = "/api/v1/cases/" + caseId + "/consultations";
        String one = c + "/" + consultationId;
        // team supporter, supervisor, team peer, off-team supporter, off-team peer, osaka supervisor,
        // osaka supporter, partner agency, center system, admin
        String read = "200 200 200 404 404 404 404 403 403 403";
        String staffRead = "200 200 403 404 403 404 404 403 403 403";
        return everyKindOfCaller()
                .endpoint("POST", c, consultation(), "201 201 403 404 403 404 404 403 403 403")
                .endpoint("GET", c, null, read)
                .endpoint("GET", one, null, read)
                .endpoint("PATCH", one, Map.of("durationMinutes", 30), "412 412 403 404 403 404 404 403 403 403")
                .endpoint("GET", one + "/revisions", null, staffRead)
                .endpoint("GET", c + "/" + UUID.randomUUID(), null, "404 404 404 404 404 404 404 403 403 403")
                .endpoint("GET", "/api/v1/cases/" + UUID.randomUUID() + "/consultations", null,
                        "404 404 404 404 404 404 404 403 403 403")
                .tests();
    }
}
