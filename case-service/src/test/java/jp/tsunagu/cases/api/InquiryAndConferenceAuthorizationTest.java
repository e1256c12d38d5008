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
import static jp.tsunagu.cases.CaseFixtures.openCase;
import static jp.tsunagu.platform.time.Tokyo.today;

/**
 * The endpoints of inquiries and case conferences, and the review-due list, with every kind of
 * caller, in the style of {@link AuthorizationMatrixTest}: role (403) and scope (404 for another
 * center's inquiry, or a case of another center or off the caller's team).
 */
@QuarkusTest
class InquiryAndConferenceAuthorizationTest {


    private String caseId;
    private String conferenceId;
    private String inquiryId;
    private String convertedInquiryId;

    /** Set up inside the factory: RestAssured knows the test port only once a test runs. */
    private void aCaseWithATeamAndAConferenceAndTwoInquiries() {
        caseId = openWithSupporterAndPeer();
        conferenceId = given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json")
                .body(conference()).when().post("/api/v1/cases/" + caseId + "/conferences")
                .then().statusCode(201).extract().path("id");
        inquiryId = inquiry();
        convertedInquiryId = inquiry();
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json").body(openCase())
                .when().post("/api/v1/inquiries/" + convertedInquiryId + "/case").then().statusCode(201);
    }

    private static Map<String, Object> conference() {
        return Map.of("heldOn", today().toString(), "attendees", Map.of("userIds", List.of(TOKYO_SUPPORTER.subject())),
                "decisions", "継続", "nextReviewOn", today().plusDays(30).toString());
    }

    private static String inquiry() {
        return given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json")
                .body(Map.of("occurredAt", "2026-11-20T10:00:00+09:00", "channel", "PHONE", "with", "SUBJECT",
                        "topics", List.of("OTHER")))
                .when().post("/api/v1/inquiries").then().statusCode(201).extract().path("id");
    }

    @TestFactory
    List<DynamicTest> everyNewEndpointWithEveryCaller() {
        aCaseWithATeamAndAConferenceAndTwoInquiries();
        String conferences = "/api/v1/cases/" + caseId + "/conferences";
        // expectations per caller, in the order of the callers below:
        // team supporter, supervisor, team peer, off-team supporter, off-team peer, osaka supervisor,
        // osaka supporter, partner agency, center system, admin
        String read = "200 200 200 404 404 404 404 403 403 403";
        return everyKindOfCaller()
                // inquiries belong to the center, not to a team: any supporter of it
                .endpoint("POST", "/api/v1/inquiries", Map.of(), "400 400 403 400 403 400 400 403 403 403")
                .endpoint("GET", "/api/v1/inquiries", null, "200 200 403 200 403 200 200 403 403 403")
                .endpoint("GET", "/api/v1/inquiries/" + inquiryId, null, "200 200 403 200 403 404 404 403 403 403")
                .endpoint("GET", "/api/v1/inquiries/" + UUID.randomUUID(), null, "404 404 403 404 403 404 404 403 403 403")
                // a case opened from it already: 409 shows the caller got through both layers
                .endpoint("POST", "/api/v1/inquiries/" + convertedInquiryId + "/case", openCase(),
                        "409 409 403 409 403 404 404 403 403 403")
                .endpoint("POST", conferences, conference(), "201 201 403 404 403 404 404 403 403 403")
                .endpoint("GET", conferences, null, read)
                .endpoint("GET", conferences + "/" + conferenceId, null, read)
                .endpoint("GET", conferences + "/" + UUID.randomUUID(), null, "404 404 404 404 404 404 404 403 403 403")
                .endpoint("GET", "/api/v1/cases?reviewDue=true", null, "200 200 200 200 200 200 200 403 403 403")
                .tests();
    }
}
