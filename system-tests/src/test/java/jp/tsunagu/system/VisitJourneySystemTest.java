package jp.tsunagu.system;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Home visits end to end with real logins: a case opened in case-service gets three visits where
 * nobody was met (letters left) and one where the person was met and agreed to the next visit.
 * The cadence, case-service's timeline, and the other center's blindness to all of it are checked.
 */
class VisitJourneySystemTest {

    private static final String TOKYO_SUPPORTER_1 = "1b0a4c1e-0001-4a6f-9a51-000000000001";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).contentType("application/json").baseUri(RunningSystem.get().url(service));
    }

    private static Map<String, Object> visit(String caseId, Instant at, String outcome) {
        Map<String, Object> body = new HashMap<>(Map.of("caseId", caseId, "kind", "HOME", "occurredAt", at.toString(),
                "durationMinutes", 10, "outcome", outcome,
                "visitors", List.of(Map.of("userId", TOKYO_SUPPORTER_1, "role", "STAFF"))));
        if (outcome.equals("NOT_MET")) {
            body.put("leftBehind", List.of(Map.of("kind", "LETTER", "contents", "WHAT_I_CAN_DO")));
            body.put("notes", "母親に手紙を託した");
        }
        return body;
    }

    @Test
    void lettersAndAMeetingShowInTheCadenceAndTheTimelineAndNowhereElse() {
        String supporter = Logins.password("tokyo-supporter-1");
        String caseId = as(supporter, Service.CASE).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-08-01T10:00:00+09:00", "channel", "PHONE",
                                "consultant", Map.of("relation", "MOTHER")),
                        "subject", Map.of("familyName", "森", "givenName", "亮", "familyNameKana", "モリ",
                                "givenNameKana", "リョウ", "withdrawalSince", "2019-01")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");

        // recorded at once: visit-service may not have the case's events yet and asks case-service
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int daysAgo : List.of(30, 20, 10)) {
            as(supporter, Service.VISIT).body(visit(caseId, now.minus(daysAgo, ChronoUnit.DAYS), "NOT_MET"))
                    .when().post("/api/v1/visits").then().statusCode(201);
        }
        Instant agreed = now.plus(7, ChronoUnit.DAYS);
        Map<String, Object> met = visit(caseId, now.minus(1, ChronoUnit.DAYS), "MET_SUBJECT");
        met.put("timeAloneWithSubject", true);
        met.put("nextVisit", Map.of("consent", "AGREED", "at", agreed.toString()));
        as(supporter, Service.VISIT).body(met).when().post("/api/v1/visits").then().statusCode(201);
        as(supporter, Service.VISIT).header("If-Match", "\"0\"").body(Map.of("intervalDays", 14))
                .when().put("/api/v1/cases/" + caseId + "/visit-plan").then().statusCode(201);

        Map<String, Object> cadence = as(supporter, Service.VISIT).queryParam("limit", 200).when().get("/api/v1/cadence")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(c -> caseId.equals(c.get("caseId"))).findFirst().orElseThrow();
        assertThat(cadence.get("lastVisitOn")).isEqualTo(LocalDate.ofInstant(now.minus(1, ChronoUnit.DAYS), TOKYO).toString());
        assertThat(cadence.get("lastMetOn")).isEqualTo(cadence.get("lastVisitOn"));
        assertThat(cadence.get("notMetStreak")).isEqualTo(0);
        assertThat(cadence.get("dueOn")).isEqualTo(LocalDate.ofInstant(agreed, TOKYO).toString());
        assertThat(cadence.get("overdue")).isEqualTo(false);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(as(supporter, Service.CASE)
                .queryParam("limit", 200).when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                .extract().jsonPath().<String>getList("items.kind")).filteredOn("VISIT_RECORDED"::equals).hasSize(4));

        String osaka = Logins.password("osaka-supporter");
        as(osaka, Service.VISIT).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(404);
        as(osaka, Service.VISIT).queryParam("limit", 200).when().get("/api/v1/cadence").then().statusCode(200)
                .body("items.caseId", not(hasItem(caseId)));
        as(osaka, Service.CASE).when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(404);
        as(supporter, Service.VISIT).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(200)
                .body("items.size()", equalTo(4));
    }
}
