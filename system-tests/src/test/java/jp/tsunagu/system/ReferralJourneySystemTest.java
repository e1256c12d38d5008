package jp.tsunagu.system;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The closed loop of a referral with real Keycloak tokens: a supporter refers a case to the health
 * center on the family's consent; the health center's own system (client credentials) lists it,
 * reads it (the center sees the first view), accepts, works on it and completes it with an
 * outcome; the police's system sees none of it; the case's timeline at case-service tells each
 * step. Then the police refer a household to the center, and the case opened from it keeps the link.
 */
class ReferralJourneySystemTest {

    private static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).contentType("application/json").baseUri(RunningSystem.get().url(service));
    }

    /** The two agencies of the demo realm, whose clients' tokens carry these agency ids. */
    @BeforeAll
    static void directoryHasTheDemoAgencies() {
        String admin = Logins.password("tsunagu-admin");
        for (Map<String, Object> agency : List.of(
                agency("tokyo-health-center", "新宿区保健所（テスト）", "PUBLIC_HEALTH_CENTER"),
                agency("tokyo-police", "新宿警察署（テスト）", "POLICE"))) {
            int status = as(admin, Service.REFERRAL).when().get("/api/v1/agencies/" + agency.get("id")).statusCode();
            if (status == 404) {
                as(admin, Service.REFERRAL).body(agency).when().post("/api/v1/agencies").then().statusCode(201);
            }
        }
    }

    private static Map<String, Object> agency(String id, String name, String kind) {
        return Map.of("id", id, "name", name, "description", "システムテスト用", "kind", kind, "municipality", "新宿区",
                "serviceArea", List.of("新宿区"), "capacity", Map.of("acceptingReferrals", true));
    }

    private static String openCase(String supporter, Map<String, Object> intake) {
        return as(supporter, Service.CASE).body(Map.of("intake", intake,
                        "subject", Map.of("familyName", "森", "givenName", "蓮", "familyNameKana", "モリ",
                                "givenNameKana", "レン", "withdrawalSince", "2019-04")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    @Test
    void aReferralToTheHealthCenterClosesTheLoop() {
        String supporter = Logins.password("tokyo-supporter-1");
        String caseId = openCase(supporter, Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                "consultant", Map.of("relation", "MOTHER")));
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        String consentId = as(supporter, Service.REFERRAL).body(Map.of("grantedBy", "FAMILY",
                        "agencyKinds", List.of("PUBLIC_HEALTH_CENTER"), "purposes", List.of("BACKUP"), "method", "WRITTEN",
                        "grantedOn", today))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
        String summary = "20代男性。受診を拒否。保健師の同行訪問をお願いしたい。";
        String referralId = as(supporter, Service.REFERRAL).header("Idempotency-Key", "system-" + caseId)
                .body(Map.of("caseId", caseId, "agencyId", "tokyo-health-center", "purpose", "BACKUP",
                        "reasons", List.of("SUSPECTED_MENTAL_ILLNESS"), "urgency", "ROUTINE", "sharedSummary", summary,
                        "legalBasis", "CONSENT", "consentId", consentId))
                .when().post("/api/v1/referrals").then().statusCode(201).body("status", equalTo("REQUESTED"))
                .body("firstViewedAt", nullValue()).extract().path("id");

        String health = Logins.clientCredentials("agency-tokyo-health-center");
        String police = Logins.clientCredentials("agency-tokyo-police");
        List<String> listed = as(health, Service.REFERRAL).when().get("/api/v1/partner/referrals?limit=200")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(listed).contains(referralId);
        as(health, Service.REFERRAL).when().get("/api/v1/partner/referrals/" + referralId).then().statusCode(200)
                .body("sharedSummary", equalTo(summary)).body("justification", nullValue());
        as(supporter, Service.REFERRAL).when().get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("firstViewedAt", notNullValue());

        String status = "/api/v1/partner/referrals/" + referralId + "/status";
        as(health, Service.REFERRAL).body(Map.of("status", "ACCEPTED", "note", "担当保健師を決めました")).when().post(status)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(health, Service.REFERRAL).body(Map.of("status", "IN_PROGRESS")).when().post(status)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as(health, Service.REFERRAL).body(Map.of("status", "COMPLETED")).when().post(status)
                .then().statusCode(400); // completing needs an outcome
        as(health, Service.REFERRAL).body(Map.of("status", "COMPLETED", "outcome", "SUBJECT_SEEN")).when().post(status)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("outcome", equalTo("SUBJECT_SEEN"));
        as(health, Service.REFERRAL).body(Map.of("status", "IN_PROGRESS")).when().post(status).then().statusCode(409);

        as(police, Service.REFERRAL).when().get("/api/v1/partner/referrals/" + referralId).then().statusCode(404);
        assertThat(as(police, Service.REFERRAL).when().get("/api/v1/partner/referrals?limit=200").then().statusCode(200)
                .extract().jsonPath().<String>getList("items.id")).doesNotContain(referralId);
        as(police, Service.REFERRAL).body(Map.of("status", "CANCELLED", "reason", Map.of("code", "OTHER")))
                .when().post("/api/v1/partner/referrals/" + referralId + "/status").then().statusCode(404);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> kinds = as(supporter, Service.CASE).queryParam("limit", 200)
                    .when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                    .extract().jsonPath().getList("items.kind");
            assertThat(kinds).containsSubsequence("REFERRAL_REQUESTED", "REFERRAL_STATUS_CHANGED", "REFERRAL_STATUS_CHANGED",
                    "REFERRAL_STATUS_CHANGED");
            assertThat(kinds.stream().filter("REFERRAL_STATUS_CHANGED"::equals).count()).isEqualTo(3);
        });
        // case-service counts the referral in its de-identified stats, learned from referral-events too
        Integer counted = as(Logins.password("tokyo-supervisor"), Service.CASE).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/stats").then().statusCode(200)
                .extract().path("referralsByAgencyKind.PUBLIC_HEALTH_CENTER");
        assertThat(counted).isNotNull().isGreaterThanOrEqualTo(1);
    }

    @Test
    void anInboundReferralFromThePoliceBecomesACaseOfTheCenter() {
        String police = Logins.clientCredentials("agency-tokyo-police");
        Map<String, Object> inbound = new HashMap<>(Map.of("centerId", "tokyo", "reasons", List.of("WELFARE_NEED"),
                "urgency", "ROUTINE", "sharedSummary", "近隣からの通報で訪問。息子が長年自宅にこもっている様子。",
                "contactPerson", Map.of("name", "母", "relation", "MOTHER"), "concern", "10年近く外出していない",
                "consentHeld", true, "doNotContactDirectly", true));
        String referralId = as(police, Service.REFERRAL).header("Idempotency-Key", "system-inbound-" + System.nanoTime())
                .body(inbound).when().post("/api/v1/partner/referrals").then().statusCode(201).extract().path("id");

        String supervisor = Logins.password("tokyo-supervisor");
        as(supervisor, Service.REFERRAL).when().get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("direction", equalTo("INBOUND")).body("inbound.doNotContactDirectly", equalTo(true));
        as(Logins.password("osaka-supervisor"), Service.REFERRAL).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(404);

        String caseId = openCase(Logins.password("tokyo-supporter-1"), Map.of("receivedAt", "2026-11-01T10:00:00+09:00",
                "channel", "REFERRAL", "consultant", Map.of("relation", "MOTHER"), "inboundReferralId", referralId));
        as(supervisor, Service.CASE).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("intake.inboundReferralId", equalTo(referralId));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as(supervisor, Service.REFERRAL).when().get("/api/v1/referrals/" + referralId).then().statusCode(200)
                        .body("caseId", equalTo(caseId)).body("status", equalTo("ACCEPTED")));
        as(police, Service.REFERRAL).when().get("/api/v1/partner/referrals/" + referralId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("caseId", nullValue());
    }
}
