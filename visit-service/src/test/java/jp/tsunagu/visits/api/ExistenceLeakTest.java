package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static jp.tsunagu.visits.VisitFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.notMet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Another center's visit answers exactly as a visit that does not exist: the same status, type,
 * title and detail (the requested id aside), never the visit's case. Compared field by field, all
 * but instance and requestId, for each way in: GET, revisions, PATCH, and POST with its id.
 */
@QuarkusTest
class ExistenceLeakTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final TestTokens.Builder OSAKA_SUPPORTER = TestTokens.user("v-osaka-supporter").roles("supporter").center("osaka");

    static {
        // a visitor is a user of Keycloak's directory
        TestDirectory.knows(OSAKA_SUPPORTER);
    }

    private record Tokyo(String caseId, String visitId) {
    }

    private static Tokyo aTokyoVisit() {
        String caseId = caseWithTeam(SUPPORTER);
        String visitId = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
        return new Tokyo(caseId, visitId);
    }

    /** The answer as a client sees it, the requested id replaced, instance and requestId left out. */
    private static Map<String, Object> answer(Response response, String requestedId) {
        Map<String, Object> fields = new TreeMap<>(response.jsonPath().getMap("$"));
        fields.remove("instance");
        fields.remove("requestId");
        fields.computeIfPresent("detail", (k, detail) -> detail.toString().replace(requestedId, "{id}"));
        fields.put("(status)", response.statusCode());
        fields.put("(content type)", response.contentType());
        return fields;
    }

    private static void answersAlike(Tokyo tokyo, Function<String, Response> request) {
        String missing = UUID.randomUUID().toString();
        Response refused = request.apply(tokyo.visitId());
        Response absent = request.apply(missing);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(answer(refused, tokyo.visitId())).isEqualTo(answer(absent, missing));
        assertThat(refused.asString()).doesNotContain(tokyo.caseId());
    }

    @Test
    void readingAnotherCentersVisitAnswersAsAMissingOne() {
        Tokyo tokyo = aTokyoVisit();
        answersAlike(tokyo, id -> as(OSAKA_SUPERVISOR).when().get("/api/v1/visits/" + id));
    }

    @Test
    void itsRevisionsAnswerAsAMissingVisitsDo() {
        Tokyo tokyo = aTokyoVisit();
        answersAlike(tokyo, id -> as(OSAKA_SUPERVISOR).when().get("/api/v1/visits/" + id + "/revisions"));
    }

    @Test
    void correctingItAnswersAsCorrectingAMissingOne() {
        Tokyo tokyo = aTokyoVisit();
        answersAlike(tokyo, id -> io.restassured.RestAssured.given().auth().oauth2(OSAKA_SUPERVISOR.token())
                .contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("durationMinutes", 10)).when().patch("/api/v1/visits/" + id));
    }

    @Test
    void recordingWithItsIdSaysNothingOfIt() {
        Tokyo tokyo = aTokyoVisit();
        // on a case the caller cannot see: the same 404 for the case named in the body, whatever the id
        String unknownCase = UUID.randomUUID().toString();
        Function<String, Response> onUnknownCase = id -> {
            Map<String, Object> body = new HashMap<>(notMet(unknownCase, OSAKA_SUPERVISOR, YESTERDAY));
            body.put("id", id);
            return as(OSAKA_SUPERVISOR).body(body).when().post("/api/v1/visits");
        };
        answersAlike(tokyo, onUnknownCase);

        // on the caller's own case: the id is taken, as if by one of the caller's own visits, nothing more
        String osakaCase = anOsakaCase();
        Map<String, Object> own = new HashMap<>(notMet(osakaCase, OSAKA_SUPPORTER, YESTERDAY));
        own.put("id", UUID.randomUUID().toString());
        as(OSAKA_SUPPORTER).body(own).when().post("/api/v1/visits").then().statusCode(201);
        Map<String, Object> changed = new HashMap<>(own);
        changed.put("durationMinutes", 45);
        Response ownTaken = as(OSAKA_SUPPORTER).body(changed).when().post("/api/v1/visits");
        Map<String, Object> tokyoTaken = new HashMap<>(own);
        tokyoTaken.put("id", tokyo.visitId());
        Response foreignTaken = as(OSAKA_SUPPORTER).body(tokyoTaken).when().post("/api/v1/visits");
        assertThat(ownTaken.statusCode()).isEqualTo(409);
        assertThat(answer(foreignTaken, tokyo.visitId())).isEqualTo(answer(ownTaken, own.get("id").toString()));
        assertThat(foreignTaken.asString()).doesNotContain(tokyo.caseId());
    }

    private static String anOsakaCase() {
        UUID caseId = UUID.randomUUID();
        EventPublisher.publish(new CaseOpened(caseId, "osaka", "C-2026-888888", Phase.OUTREACH, CaseStatus.OPEN,
                IntakeChannel.PHONE, Instant.now(), OSAKA_SUPPORTER.subject(), null));
        EventPublisher.publish(new CaseTeamChanged(caseId, "osaka", List.of(new TeamMember(TeamMemberKind.STAFF,
                OSAKA_SUPPORTER.subject(), null, TeamRole.PRIMARY)), Instant.now(), OSAKA_SUPERVISOR.subject()));
        await().atMost(Duration.ofSeconds(30)).until(() -> as(OSAKA_SUPPORTER).get("/api/v1/visits?caseId=" + caseId)
                .statusCode() == 200);
        return caseId.toString();
    }
}
