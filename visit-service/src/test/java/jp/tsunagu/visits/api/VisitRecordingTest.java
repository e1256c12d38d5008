package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.events.cases.CaseAccessScope;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.testkit.CaseServiceStub;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.tsunagu.visits.VisitFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.OTHER_SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.PARTNER;
import static jp.tsunagu.visits.VisitFixtures.PEER;
import static jp.tsunagu.visits.VisitFixtures.SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.met;
import static jp.tsunagu.visits.VisitFixtures.notMet;
import static jp.tsunagu.visits.VisitFixtures.setTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class VisitRecordingTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aNotMetVisitRecordsWhatWasLeftAndPublishesNoNotes() {
        String caseId = caseWithTeam(SUPPORTER);
        String id = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("outcome", equalTo("NOT_MET"))
                .body("leftBehind[0].kind", equalTo("LETTER"))
                .body("leftBehind[0].contents", equalTo(List.of("SUPPORTER_NEWS")))
                .body("receivedAt", notNullValue())
                .extract().path("id");
        List<EventReader.Record> events = EventReader.forSubject("visit-events", caseId, 1, Duration.ofSeconds(20));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.header("ce_type")).isEqualTo("visit.recorded.v1");
            assertThat(e.value()).contains(id).contains("NOT_MET").contains("LETTER").doesNotContain("手紙");
        });
    }

    @Test
    void aMetVisitRecordsConsentToTheNextOne() {
        String caseId = caseWithTeam(SUPPORTER);
        Map<String, Object> noConsent = new HashMap<>(met(caseId, SUPPORTER, YESTERDAY, YESTERDAY.plus(14, ChronoUnit.DAYS)));
        noConsent.remove("nextVisit");
        as(SUPPORTER).body(noConsent).when().post("/api/v1/visits").then().statusCode(400)
                .body("violations.field", hasItem("nextVisit.consent"));
        Map<String, Object> noRefusal = new HashMap<>(noConsent);
        noRefusal.put("nextVisit", Map.of("consent", "NO_EXPLICIT_REFUSAL", "intervalDays", 7));
        as(SUPPORTER).body(noRefusal).when().post("/api/v1/visits").then().statusCode(201)
                .body("nextVisit.consent", equalTo("NO_EXPLICIT_REFUSAL"))
                .body("timeAloneWithSubject", equalTo(true));
    }

    @Test
    void anOutingSaysWhatItWasAndAScheduledVisitHasNoOutcome() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        Map<String, Object> outing = new HashMap<>(met(caseId, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS)));
        outing.put("kind", "OUTING");
        as(SUPPORTER).body(outing).when().post("/api/v1/visits").then().statusCode(400)
                .body("violations.field", hasItem("activity"));
        outing.put("activity", "EATING_OUT");
        outing.put("visitors", List.of(Map.of("userId", SUPPORTER.subject(), "role", "STAFF"),
                Map.of("userId", PEER.subject(), "role", "PEER_SUPPORTER")));
        as(SUPPORTER).body(outing).when().post("/api/v1/visits").then().statusCode(201)
                .body("visitors.role", hasItem("PEER_SUPPORTER"));

        Map<String, Object> scheduled = new HashMap<>(notMet(caseId, SUPPORTER, Instant.now().plus(3, ChronoUnit.DAYS)));
        scheduled.put("status", "SCHEDULED");
        as(SUPPORTER).body(scheduled).when().post("/api/v1/visits").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        scheduled.remove("outcome");
        scheduled.remove("leftBehind");
        as(SUPPORTER).body(scheduled).when().post("/api/v1/visits").then().statusCode(201).body("status", equalTo("SCHEDULED"));
        as(SUPPORTER).when().get("/api/v1/schedule").then().statusCode(200).body("items.caseId", hasItem(caseId));
        assertThat(EventReader.forSubject("visit-events", caseId, 2, Duration.ofSeconds(20)))
                .extracting(e -> e.header("ce_type")).contains("visit.scheduled.v1", "visit.recorded.v1");
    }

    @Test
    void aClientMadeIdIsIdempotentEvenUnderConcurrentRetries() throws Exception {
        String caseId = caseWithTeam(SUPPORTER);
        Map<String, Object> body = new HashMap<>(notMet(caseId, SUPPORTER, YESTERDAY));
        body.put("id", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Response> responses = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> as(SUPPORTER).body(body).when().post("/api/v1/visits"));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.jsonPath().getString("id")).containsOnly(body.get("id").toString());
        as(SUPPORTER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().body("items.size()", equalTo(1));

        Map<String, Object> other = new HashMap<>(body);
        other.put("durationMinutes", 50);
        as(SUPPORTER).body(other).when().post("/api/v1/visits").then().statusCode(409);
    }

    @Test
    void anIdempotencyKeyRecordsTheVisitOnceAndReplaysTheFirstAnswer() {
        String caseId = caseWithTeam(SUPPORTER);
        Map<String, Object> body = notMet(caseId, SUPPORTER, YESTERDAY);
        String key = UUID.randomUUID().toString();
        String id = as(SUPPORTER).header("Idempotency-Key", key).body(body).when().post("/api/v1/visits")
                .then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        as(SUPPORTER).header("Idempotency-Key", key).body(body).when().post("/api/v1/visits")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"0\"")
                .body("id", equalTo(id));
        as(SUPPORTER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().body("items.size()", equalTo(1));

        Map<String, Object> other = new HashMap<>(body);
        other.put("durationMinutes", 50);
        as(SUPPORTER).header("Idempotency-Key", key).body(other).when().post("/api/v1/visits").then().statusCode(422);
        as(SUPPORTER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().body("items.size()", equalTo(1));
    }

    @Test
    void aCorrectionNeedsTheCurrentVersionAndKeepsTheEarlierOne() {
        String caseId = caseWithTeam(SUPPORTER);
        String id = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
        given(SUPPORTER).header("If-Match", "\"0\"").body(Map.of("durationMinutes", 15, "notes", "訂正: 父親に手渡し"))
                .when().patch("/api/v1/visits/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("durationMinutes", equalTo(15));
        given(SUPPORTER).header("If-Match", "\"0\"").body(Map.of("durationMinutes", 20))
                .when().patch("/api/v1/visits/" + id).then().statusCode(412).body("currentVersion", equalTo(1));
        as(SUPPORTER).when().get("/api/v1/visits/" + id + "/revisions").then().statusCode(200)
                .body("items[0].version", equalTo(0))
                .body("items[0].visit.durationMinutes", equalTo(5))
                .body("current.durationMinutes", equalTo(15));
        assertThat(EventReader.forSubject("visit-events", caseId, 2, Duration.ofSeconds(20)))
                .extracting(e -> e.value()).anySatisfy(v -> assertThat(v).containsPattern("\"revision\":\\s*2"));
    }

    private static io.restassured.specification.RequestSpecification given(jp.tsunagu.testkit.TestTokens.Builder caller) {
        return io.restassured.RestAssured.given().auth().oauth2(caller.token())
                .contentType("application/merge-patch+json; charset=UTF-8");
    }

    @Test
    void aTeamChangeMovesWhoMaySeeTheVisits() {
        String caseId = caseWithTeam(SUPPORTER);
        as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits").then().statusCode(201);
        as(OTHER_SUPPORTER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(404);
        as(OSAKA_SUPERVISOR).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(404);
        as(SUPERVISOR).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(200);
        as(PARTNER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(403);

        setTeam(caseId, OTHER_SUPPORTER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(OTHER_SUPPORTER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(200)
                        .body("items.size()", equalTo(1)));
        as(SUPPORTER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(404);
    }

    @Test
    void aPeerRecordsVisitsTheyWereOnAndSeesOnlyTheirNotes() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        String staffVisit = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
        as(PEER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits").then().statusCode(403);
        Map<String, Object> peerVisit = new HashMap<>(notMet(caseId, PEER, YESTERDAY));
        peerVisit.put("visitors", List.of(Map.of("userId", PEER.subject(), "role", "PEER_SUPPORTER")));
        String own = as(PEER).body(peerVisit).when().post("/api/v1/visits").then().statusCode(201)
                .body("notes", notNullValue()).extract().path("id");
        as(PEER).when().get("/api/v1/visits/" + staffVisit).then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("notes")))
                .body("$", not(org.hamcrest.Matchers.hasKey("observations")));
        as(PEER).when().get("/api/v1/visits/" + own).then().statusCode(200).body("notes", notNullValue());
    }

    @Test
    void aVisitForACaseNotHeardOfYetAsksCaseServiceOnce() {
        UUID known = UUID.randomUUID();
        String caseId = known.toString();
        CaseServiceStub.knows(new CaseAccessScope(known, "tokyo", Phase.OUTREACH, CaseStatus.OPEN, List.of(
                new TeamMember(TeamMemberKind.STAFF, SUPPORTER.subject(), null, TeamRole.PRIMARY),
                new TeamMember(TeamMemberKind.AGENCY_CONTACT, null, "tokyo-police", TeamRole.BACKUP_AGENCY))));
        as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits").then().statusCode(201);
        as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY.plusSeconds(60))).when().post("/api/v1/visits").then().statusCode(201);
        assertThat(CaseServiceStub.scopeRequests(known)).isEqualTo(1);
        as(OTHER_SUPPORTER).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(404);

        String unknown = UUID.randomUUID().toString();
        as(SUPPORTER).body(notMet(unknown, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits").then().statusCode(404);
    }

    @Test
    void theDeltaFeedAnswersWhatChangedSinceTheToken() {
        String caseId = caseWithTeam(SUPPORTER);
        String token = as(SUPPORTER).queryParam("limit", 200).when().get("/api/v1/visits/changes").then().statusCode(200)
                .extract().path("next");
        while (as(SUPPORTER).queryParam("since", token).when().get("/api/v1/visits/changes").jsonPath().getBoolean("hasMore")) {
            token = as(SUPPORTER).queryParam("since", token).when().get("/api/v1/visits/changes").jsonPath().getString("next");
        }
        String id = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
        as(SUPPORTER).queryParam("since", token).when().get("/api/v1/visits/changes").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].visit.outcome", equalTo("NOT_MET"));
        String afterVisit = as(SUPPORTER).queryParam("since", token).when().get("/api/v1/visits/changes").path("next");

        setTeam(caseId, OTHER_SUPPORTER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(SUPPORTER).queryParam("since", afterVisit).when().get("/api/v1/visits/changes").then().statusCode(200)
                        .body("items.id", equalTo(List.of(id)))
                        .body("items[0].deleted", equalTo(true))
                        .body("items[0]", not(org.hamcrest.Matchers.hasKey("visit"))));
    }
}
