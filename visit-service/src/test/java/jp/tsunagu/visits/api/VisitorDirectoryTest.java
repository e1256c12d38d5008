package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.visits.VisitFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.PEER;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.notMet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Visitors are users of the case's center, as Keycloak's directory knows them, when a visit is
 * recorded and when it is corrected: nothing else reaches the visit or visit.recorded.v1.
 */
@QuarkusTest
class VisitorDirectoryTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private static Map<String, Object> withVisitors(String caseId, List<Map<String, Object>> visitors) {
        Map<String, Object> body = new HashMap<>(notMet(caseId, SUPPORTER, YESTERDAY));
        body.put("visitors", visitors);
        return body;
    }

    private static Map<String, Object> visitor(String userId, String role) {
        return Map.of("userId", userId, "role", role);
    }

    @Test
    void anotherCentersUserMarkupAndNoOneAreNoVisitors() {
        String caseId = caseWithTeam(SUPPORTER);
        as(SUPPORTER).body(withVisitors(caseId, List.of(visitor(SUPPORTER.subject(), "STAFF"),
                        visitor(OSAKA_SUPERVISOR.subject(), "STAFF"), visitor(UUID.randomUUID().toString(), "STAFF"))))
                .when().post("/api/v1/visits").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("visitors[1].userId", "visitors[2].userId"))
                .body("violations.message", contains("is not a user of this case's center", "is not a user of this case's center"));
        as(SUPPORTER).body(withVisitors(caseId, List.of(visitor(SUPPORTER.subject(), "STAFF"),
                        visitor("<script>alert(1)</script>", "STAFF"))))
                .when().post("/api/v1/visits").then().statusCode(400)
                .body("violations.field", contains("visitors[1].userId"))
                .body("violations[0].message", equalTo("is not a user id (a UUID in lower case)"));
        as(SUPPORTER).body(withVisitors(caseId, List.of(visitor(SUPPORTER.subject(), "PEER_SUPPORTER"))))
                .when().post("/api/v1/visits").then().statusCode(400)
                .body("violations.message", contains("is not a peer supporter"));
        // none of them was recorded, so nothing was published for the case
        as(SUPPORTER).body(withVisitors(caseId, List.of(visitor(SUPPORTER.subject(), "STAFF"),
                visitor(PEER.subject(), "PEER_SUPPORTER")))).when().post("/api/v1/visits").then().statusCode(201);
        List<EventReader.Record> events = EventReader.forSubject("visit-events", caseId, 1, Duration.ofSeconds(20));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.value())
                .contains(SUPPORTER.subject(), PEER.subject()).doesNotContain("script", OSAKA_SUPERVISOR.subject()));
    }

    @Test
    void aCorrectionCannotAddAnotherCentersUser() {
        String caseId = caseWithTeam(SUPPORTER);
        String id = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
        as(SUPPORTER).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("visitors", List.of(visitor(SUPPORTER.subject(), "STAFF"), visitor(OSAKA_SUPERVISOR.subject(), "STAFF"))))
                .when().patch("/api/v1/visits/" + id).then().statusCode(400)
                .body("violations.field", contains("visitors[1].userId"));
        as(SUPPORTER).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("durationMinutes", 15)).when().patch("/api/v1/visits/" + id).then().statusCode(200)
                .body("visitors.userId", contains(SUPPORTER.subject()));
    }

    @Test
    void aDirectoryThatCannotAnswerRefusesWith503() {
        String caseId = caseWithTeam(SUPPORTER);
        TestTokens.Builder newcomer = TestTokens.user("v-newcomer-" + UUID.randomUUID()).roles("supporter").center("tokyo");
        TestDirectory.knows(newcomer);
        TestDirectory.outage();
        try {
            as(SUPPORTER).body(withVisitors(caseId, List.of(visitor(SUPPORTER.subject(), "STAFF"),
                            visitor(newcomer.subject(), "STAFF"))))
                    .when().post("/api/v1/visits").then().statusCode(503).contentType("application/problem+json");
        } finally {
            TestDirectory.restore();
        }
        as(SUPPORTER).when().get("/api/v1/visits?caseId=" + caseId).then().statusCode(200).body("items.size()", equalTo(0));
    }
}
