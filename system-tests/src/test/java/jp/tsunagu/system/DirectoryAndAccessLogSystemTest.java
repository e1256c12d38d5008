package jp.tsunagu.system;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

/**
 * With the real Keycloak and real logins: a team and a visit name only users of the case's center,
 * as the services look them up in Keycloak's directory with their own accounts; and a read of a
 * visit at visit-service, refused ones too, shows in the case's access log at case-service.
 */
class DirectoryAndAccessLogSystemTest {

    // user ids of the demo realm (deploy/keycloak/realm-tsunagu.json)
    private static final String TOKYO_SUPPORTER_1 = "1b0a4c1e-0001-4a6f-9a51-000000000001";
    private static final String TOKYO_SUPPORTER_2 = "1b0a4c1e-0002-4a6f-9a51-000000000002";
    private static final String TOKYO_PEER = "1b0a4c1e-0004-4a6f-9a51-000000000004";
    private static final String OSAKA_SUPPORTER = "1b0a4c1e-0005-4a6f-9a51-000000000005";

    private static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).contentType("application/json").baseUri(RunningSystem.get().url(service));
    }

    private static String openCase(String supporter) {
        return as(supporter, Service.CASE).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-09-01T10:00:00+09:00", "channel", "PHONE",
                                "consultant", Map.of("relation", "FATHER")),
                        "subject", Map.of("familyName", "林", "givenName", "大輝", "familyNameKana", "ハヤシ",
                                "givenNameKana", "ダイキ", "withdrawalSince", "2020-04")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> member(String kind, String userId, String role) {
        return Map.of("kind", kind, "userId", userId, "role", role);
    }

    @Test
    void aTeamNamesOnlyUsersOfTheCasesCenter() {
        String supervisor = Logins.password("tokyo-supervisor");
        String caseId = openCase(Logins.password("tokyo-supporter-1"));
        String team = "/api/v1/cases/" + caseId + "/team";

        as(supervisor, Service.CASE).header("If-Match", "\"0\"").body(Map.of("members", List.of(
                        member("STAFF", TOKYO_SUPPORTER_1, "PRIMARY"), member("STAFF", OSAKA_SUPPORTER, "SECONDARY"))))
                .when().put(team).then().statusCode(400).body("violations.field", contains("members[1].userId"));
        as(supervisor, Service.CASE).header("If-Match", "\"0\"").body(Map.of("members", List.of(
                        member("STAFF", "<script>alert(1)</script>", "PRIMARY"))))
                .when().put(team).then().statusCode(400).body("violations.field", contains("members[0].userId"));
        as(supervisor, Service.CASE).header("If-Match", "\"0\"").body(Map.of("members", List.of(
                        member("STAFF", TOKYO_SUPPORTER_1, "PRIMARY"), member("STAFF", TOKYO_SUPPORTER_2, "SECONDARY"),
                        member("PEER_SUPPORTER", TOKYO_PEER, "PEER"))))
                .when().put(team).then().statusCode(200);
        as(supervisor, Service.CASE).when().get(team).then().statusCode(200)
                .body("members.userId", contains(TOKYO_SUPPORTER_1, TOKYO_SUPPORTER_2, TOKYO_PEER));
    }

    @Test
    void aVisitNamesOnlyUsersOfTheCenterAndItsReadsShowInTheCasesAccessLog() {
        String supporter = Logins.password("tokyo-supporter-1");
        String caseId = openCase(supporter);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> visit = Map.of("caseId", caseId, "kind", "HOME", "occurredAt", yesterday.toString(),
                "durationMinutes", 10, "outcome", "NOT_MET",
                "leftBehind", List.of(Map.of("kind", "LETTER", "contents", "SUPPORTER_NEWS")), "notes", "父親に手紙を託した",
                "visitors", List.of(Map.of("userId", TOKYO_SUPPORTER_1, "role", "STAFF"),
                        Map.of("userId", OSAKA_SUPPORTER, "role", "STAFF")));
        as(supporter, Service.VISIT).body(visit).when().post("/api/v1/visits").then().statusCode(400)
                .body("violations.field", contains("visitors[1].userId"));
        Map<String, Object> alone = new HashMap<>(visit);
        alone.put("visitors", List.of(Map.of("userId", TOKYO_SUPPORTER_1, "role", "STAFF")));
        String visitId = as(supporter, Service.VISIT).body(alone).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");

        as(supporter, Service.VISIT).header("X-Request-Id", "system-visit-read").when().get("/api/v1/visits/" + visitId)
                .then().statusCode(200);
        as(Logins.password("osaka-supervisor"), Service.VISIT).when().get("/api/v1/visits/" + visitId).then().statusCode(404);

        String supervisor = Logins.password("tokyo-supervisor");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> log = as(supervisor, Service.CASE).queryParam("limit", 200)
                    .when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("action", "visit.read")
                    .containsEntry("objectId", visitId).containsEntry("service", "visit-service")
                    .containsEntry("outcome", "SUCCESS").containsEntry("actorId", TOKYO_SUPPORTER_1)
                    .containsEntry("requestId", "system-visit-read"));
            assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("action", "visit.read")
                    .containsEntry("objectId", visitId).containsEntry("outcome", "DENIED")
                    .containsEntry("actorId", "1b0a4c1e-0006-4a6f-9a51-000000000006"));
            assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("action", "visit.record")
                    .containsEntry("objectId", visitId));
        });
    }
}
