package jp.tsunagu.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.events.EventType;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER_2;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static jp.tsunagu.platform.time.Tokyo.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Case conferences (事例検討会): recorded with or without a new plan revision (linked both ways),
 * read by peers without the needs and decisions, told on Kafka without any text, written on the
 * timeline, and setting the review date that GET /cases?reviewDue=true watches.
 */
@QuarkusTest
class ConferenceTest {

    private static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    private static String conferences(String caseId) {
        return "/api/v1/cases/" + caseId + "/conferences";
    }

    /** A case of TOKYO_SUPPORTER with TOKYO_PEER on its team. */
    private static String aCaseWithAPeer() {
        String caseId = openAsTokyoSupporter();
        as(TOKYO_SUPERVISOR).header("If-Match", "\"0\"").body(Map.of("members", List.of(
                        Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER.subject(), "role", "PRIMARY"),
                        Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PEER"))))
                .when().put("/api/v1/cases/" + caseId + "/team").then().statusCode(200);
        return caseId;
    }

    /** A conference's body; the texts carry {@code marker}, to be looked for where they must not be. */
    private static Map<String, Object> conference(LocalDate heldOn, LocalDate nextReviewOn, String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("heldOn", heldOn.toString());
        body.put("attendees", Map.of("userIds", List.of(TOKYO_SUPPORTER.subject(), TOKYO_SUPERVISOR.subject()),
                "agencyIds", List.of("tokyo-health-center")));
        body.put("subjectNeeds", "本人は鉄道の話なら応じる " + marker + "-subject");
        body.put("familyNeeds", "母親の休息が必要 " + marker + "-family");
        body.put("decisions", "月2回の訪問を継続 " + marker + "-decisions");
        if (nextReviewOn != null) {
            body.put("nextReviewOn", nextReviewOn.toString());
        }
        return body;
    }

    private static Response record(TestTokens.Builder caller, String caseId, Map<String, Object> body) {
        return as(caller).body(body).when().post(conferences(caseId));
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aConferenceWithoutAPlanIsRecordedAndToldWithoutItsTexts() throws IOException {
        String caseId = aCaseWithAPeer();
        String marker = marker();
        LocalDate heldOn = today().minusDays(2);
        LocalDate review = today().plusDays(60);

        Response recorded = record(TOKYO_SUPPORTER, caseId, conference(heldOn, review, marker));
        recorded.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/" + caseId + "/conferences/[0-9a-f-]{36}"))
                .body("caseId", equalTo(caseId))
                .body("heldOn", equalTo(heldOn.toString()))
                .body("nextReviewOn", equalTo(review.toString()))
                .body("attendees.userIds", contains(TOKYO_SUPPORTER.subject(), TOKYO_SUPERVISOR.subject()))
                .body("attendees.agencyIds", contains("tokyo-health-center"))
                .body("subjectNeeds", equalTo("本人は鉄道の話なら応じる " + marker + "-subject"))
                .body("familyNeeds", equalTo("母親の休息が必要 " + marker + "-family"))
                .body("decisions", equalTo("月2回の訪問を継続 " + marker + "-decisions"))
                .body("recordedBy", equalTo(TOKYO_SUPPORTER.subject()))
                .body("$", not(hasKey("planRevision")));
        String conferenceId = recorded.path("id");

        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(conferences(caseId)).then().statusCode(200)
                .body("items.id", contains(conferenceId)).body("items[0].decisions", equalTo("月2回の訪問を継続 " + marker + "-decisions"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(conferences(caseId) + "/" + conferenceId).then()
                .statusCode(200).body("id", equalTo(conferenceId)).body("familyNeeds", equalTo("母親の休息が必要 " + marker + "-family"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .header("ETag", "\"0\"").body("nextReviewOn", equalTo(review.toString()));
        // no plan came with it: none was written
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId + "/plan").then().statusCode(404);

        String timeline = given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("limit", 200)
                .when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200).extract().asString();
        List<Map<String, Object>> held = JsonPath.from(timeline).getList("items.findAll { it.kind == 'CONFERENCE_HELD' }");
        assertThat(held).hasSize(1);
        assertThat(held.get(0)).containsEntry("refId", conferenceId)
                .containsEntry("occurredAt", heldOn + "T00:00:00+09:00")
                .containsEntry("attributes", Map.of("heldOn", heldOn.toString(), "nextReviewOn", review.toString()));
        assertThat(timeline).doesNotContain(marker);

        List<EventReader.Record> events = EventReader.read("case-events",
                all -> all.stream().anyMatch(r -> isConference(r, conferenceId)), Duration.ofSeconds(20));
        EventReader.Record event = events.stream().filter(r -> isConference(r, conferenceId)).findFirst().orElseThrow();
        assertThat(event.key()).isEqualTo(caseId);
        assertThat(event.header("ce_subject")).isEqualTo(caseId);
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("caseId")).isEqualTo(caseId);
        assertThat(data.getString("centerId")).isEqualTo("tokyo");
        assertThat(data.getString("heldOn")).isEqualTo(heldOn.toString());
        assertThat(data.getString("nextReviewOn")).isEqualTo(review.toString());
        assertThat(data.getList("attendeeUserIds")).containsExactly(TOKYO_SUPPORTER.subject(), TOKYO_SUPERVISOR.subject());
        assertThat(data.getList("attendeeAgencyIds")).containsExactly("tokyo-health-center");
        assertThat(data.getString("planRevision")).isNull();
        assertThat(schemaViolations(event.value())).isEmpty();
        // the raw record, headers included, carries none of the texts
        assertThat(event.value()).doesNotContain(marker).doesNotContain("鉄道").doesNotContain("母親").doesNotContain("訪問");
        assertThat(event.headers().values()).noneMatch(h -> h.contains(marker));
    }

    /** What the published JSON Schema of case.conference-held.v1 (platform/events) refuses in the data, formats asserted. */
    private static List<String> schemaViolations(String data) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream("/jp/tsunagu/events/schemas/case.conference-held.v1.json")) {
            assertThat(in).as("the schema of case.conference-held.v1").isNotNull();
            ObjectMapper json = new ObjectMapper();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(in),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(json.readTree(data)).stream().map(ValidationMessage::getMessage).toList();
        }
    }

    private static boolean isConference(EventReader.Record r, String conferenceId) {
        return "case.conference-held.v1".equals(r.header("ce_type")) && r.value().contains(conferenceId);
    }

    @Test
    void aConferenceWithAPlanWritesTheNextRevisionLinkedBothWays() throws IOException {
        String caseId = aCaseWithAPeer();
        as(TOKYO_SUPPORTER).body(Map.of("goal", "家族の安定", "reason", "初回")).when()
                .put("/api/v1/cases/" + caseId + "/plan").then().statusCode(201).header("ETag", "\"1\"");
        Map<String, Object> body = conference(today(), today().plusDays(90), marker());
        body.put("plan", Map.of("goal", "本人との接点を作る", "subjectNeeds", "話し相手", "familyNeeds", "休息",
                "reason", "事例検討会の決定"));

        Response recorded = record(TOKYO_SUPERVISOR, caseId, body);
        recorded.then().statusCode(201).body("planRevision", equalTo(2));
        String conferenceId = recorded.path("id");

        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId + "/plan").then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("revision", equalTo(2))
                .body("goal", equalTo("本人との接点を作る"))
                .body("subjectNeeds", equalTo("話し相手"))
                .body("familyNeeds", equalTo("休息"))
                .body("reason", equalTo("事例検討会の決定"))
                .body("revisedBy", equalTo(TOKYO_SUPERVISOR.subject()))
                .body("conferenceId", equalTo(conferenceId));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId + "/plan/revisions").then()
                .statusCode(200).body("items.revision", contains(2, 1))
                .body("items[0].conferenceId", equalTo(conferenceId))
                .body("items[1]", not(hasKey("conferenceId")));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(conferences(caseId) + "/" + conferenceId).then()
                .statusCode(200).body("planRevision", equalTo(2));

        List<Map<String, Object>> lines = given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("limit", 200)
                .when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertThat(lines).filteredOn(l -> "PLAN_REVISED".equals(l.get("kind")))
                .extracting(l -> l.get("attributes")).containsExactly(Map.of("revision", 1), Map.of("revision", 2));
        assertThat(lines).filteredOn(l -> "CONFERENCE_HELD".equals(l.get("kind"))).hasSize(1);

        List<EventReader.Record> events = EventReader.read("case-events",
                all -> all.stream().anyMatch(r -> isConference(r, conferenceId)), Duration.ofSeconds(20));
        EventReader.Record event = events.stream().filter(r -> isConference(r, conferenceId)).findFirst().orElseThrow();
        assertThat(JsonPath.from(event.value()).getInt("planRevision")).isEqualTo(2);
        assertThat(schemaViolations(event.value())).isEmpty();
        assertThat(event.value()).doesNotContain("本人との接点").doesNotContain("事例検討会の決定");

        // a PUT of the plan afterwards goes on from the conference's revision
        as(TOKYO_SUPPORTER).header("If-Match", "\"2\"").body(Map.of("goal", "g", "reason", "r")).when()
                .put("/api/v1/cases/" + caseId + "/plan").then().statusCode(200).header("ETag", "\"3\"")
                .body("$", not(hasKey("conferenceId")));
    }

    @Test
    void aConferenceCreatesThePlanOfACaseWithoutOne() {
        String caseId = aCaseWithAPeer();
        Map<String, Object> body = conference(today(), null, marker());
        body.put("plan", Map.of("goal", "居場所につながる", "reason", "初回の検討会"));
        String conferenceId = record(TOKYO_SUPPORTER, caseId, body).then().statusCode(201)
                .body("planRevision", equalTo(1)).body("$", not(hasKey("nextReviewOn"))).extract().path("id");
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId + "/plan").then()
                .statusCode(200).header("ETag", "\"1\"").body("conferenceId", equalTo(conferenceId));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId).then()
                .statusCode(200).body("$", not(hasKey("nextReviewOn")));
    }

    @Test
    void peersReadConferencesWithoutTheNeedsAndDecisions() {
        String caseId = aCaseWithAPeer();
        String conferenceId = record(TOKYO_SUPPORTER, caseId, conference(today(), today().plusDays(30), marker()))
                .then().statusCode(201).extract().path("id");

        String list = given().auth().oauth2(TOKYO_PEER.token()).when().get(conferences(caseId)).then().statusCode(200)
                .body("items.id", contains(conferenceId))
                .body("items[0].heldOn", equalTo(today().toString()))
                .body("items[0].attendees.userIds", containsInAnyOrder(TOKYO_SUPPORTER.subject(), TOKYO_SUPERVISOR.subject()))
                .body("items[0]", not(hasKey("subjectNeeds")))
                .body("items[0]", not(hasKey("familyNeeds")))
                .body("items[0]", not(hasKey("decisions")))
                .extract().asString();
        assertThat(list).doesNotContain("鉄道").doesNotContain("母親").doesNotContain("月2回");
        given().auth().oauth2(TOKYO_PEER.token()).when().get(conferences(caseId) + "/" + conferenceId).then()
                .statusCode(200).body("nextReviewOn", equalTo(today().plusDays(30).toString()))
                .body("$", not(hasKey("subjectNeeds"))).body("$", not(hasKey("familyNeeds")))
                .body("$", not(hasKey("decisions")));
        record(TOKYO_PEER, caseId, conference(today(), null, marker())).then().statusCode(403);
    }

    @Test
    void aCaseWhoseReviewDatePassedWithoutAConferenceIsDue() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        MovableClock clock = MovableClock.installedAt(day.atTime(10, 0));
        String caseId = aCaseWithAPeer();
        record(TOKYO_SUPPORTER, caseId, conference(day.minusDays(30), day.minusDays(1), marker())).then().statusCode(201);

        due(TOKYO_SUPERVISOR, true, caseId);
        due(TOKYO_SUPPORTER, true, caseId);
        due(TOKYO_SUPPORTER_2, false, caseId); // not on the team: not among their cases
        due(OSAKA_SUPERVISOR, false, caseId);
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("reviewDue", true).queryParam("limit", 200)
                .when().get("/api/v1/cases").then().statusCode(200)
                .body("items.find { it.id == '" + caseId + "' }.nextReviewOn", equalTo(day.minusDays(1).toString()));

        // the review is held: the next one is in a month, and the case is no longer due
        record(TOKYO_SUPPORTER, caseId, conference(day, day.plusDays(30), marker())).then().statusCode(201);
        due(TOKYO_SUPERVISOR, false, caseId);
        // a conference recorded late, held before the latest, does not move the date back
        record(TOKYO_SUPPORTER, caseId, conference(day.minusDays(10), day.minusDays(2), marker())).then().statusCode(201);
        due(TOKYO_SUPERVISOR, false, caseId);
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId).then()
                .body("nextReviewOn", equalTo(day.plusDays(30).toString()));

        // on the review day it is not due yet; the day after, it is
        clock.set(LocalDateTime.of(day.plusDays(30), LocalTime.of(23, 59)));
        due(TOKYO_SUPERVISOR, false, caseId);
        clock.set(LocalDateTime.of(day.plusDays(31), LocalTime.of(0, 1)));
        due(TOKYO_SUPERVISOR, true, caseId);

        // a closed case is nobody's review
        as(TOKYO_SUPERVISOR).body(Map.of("reason", "終結")).when().post("/api/v1/cases/" + caseId + "/closure")
                .then().statusCode(200);
        due(TOKYO_SUPERVISOR, false, caseId);
    }

    private static void due(TestTokens.Builder caller, boolean listed, String caseId) {
        given().auth().oauth2(caller.token()).queryParam("reviewDue", true).queryParam("limit", 200)
                .when().get("/api/v1/cases").then().statusCode(200)
                .body("items.id", listed ? hasItem(caseId) : not(hasItem(caseId)))
                .body("items.status", not(hasItem("CLOSED")));
    }

    @Test
    void whatAConferenceMayNotSayIsRefusedAndNothingIsWritten() {
        String caseId = aCaseWithAPeer();
        Map<String, Object> future = conference(today().plusDays(1), null, marker());
        record(TOKYO_SUPPORTER, caseId, future).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("heldOn"));
        record(TOKYO_SUPPORTER, caseId, conference(today(), today(), marker())).then().statusCode(400)
                .body("violations.field", contains("nextReviewOn"));

        Map<String, Object> strangers = conference(today(), null, marker());
        strangers.put("attendees", Map.of("userIds", List.of(TOKYO_SUPPORTER.subject(), OSAKA_SUPPORTER.subject(),
                TOKYO_PEER.subject(), UUID.randomUUID().toString())));
        record(TOKYO_SUPPORTER, caseId, strangers).then().statusCode(400)
                .body("violations.field", contains("attendees.userIds[1]", "attendees.userIds[2]", "attendees.userIds[3]"))
                .body("violations.message", contains("is not a user of this case's center",
                        "is not staff of the center (supporter or supervisor)", "is not a user of this case's center"));

        Map<String, Object> badAgency = conference(today(), null, marker());
        badAgency.put("attendees", Map.of("userIds", List.of(TOKYO_SUPPORTER.subject()), "agencyIds", List.of("<b>police</b>")));
        record(TOKYO_SUPPORTER, caseId, badAgency).then().statusCode(400)
                .body("violations.field", contains("attendees.agencyIds[0]"));
        Map<String, Object> nobody = conference(today(), null, marker());
        nobody.put("attendees", Map.of("userIds", List.of()));
        record(TOKYO_SUPPORTER, caseId, nobody).then().statusCode(400).body("violations.field", contains("attendees.userIds"));
        Map<String, Object> planWithoutReason = conference(today(), null, marker());
        planWithoutReason.put("plan", Map.of("goal", "g"));
        record(TOKYO_SUPPORTER, caseId, planWithoutReason).then().statusCode(400)
                .body("violations.field", contains("plan.reason"));
        Map<String, Object> stranger = conference(today(), null, marker());
        stranger.put("minutesTakenBy", "佐藤");
        record(TOKYO_SUPPORTER, caseId, stranger).then().statusCode(400)
                .body("violations.field", contains("minutesTakenBy"));

        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(conferences(caseId)).then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId + "/plan").then().statusCode(404);
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId).then()
                .body("$", not(hasKey("nextReviewOn")));
    }

    @Test
    void aRetriedConferenceIsRecordedOnceAndAnotherCasesConferenceIsNotFound() {
        String caseId = aCaseWithAPeer();
        String other = aCaseWithAPeer();
        Map<String, Object> body = conference(today(), null, marker());
        String key = UUID.randomUUID().toString();
        String first = as(TOKYO_SUPPORTER).header("Idempotency-Key", key).body(body).when().post(conferences(caseId))
                .then().statusCode(201).extract().path("id");
        as(TOKYO_SUPPORTER).header("Idempotency-Key", key).body(body).when().post(conferences(caseId))
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(conferences(caseId)).then().body("items.id", contains(first));

        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(conferences(other) + "/" + first).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).when().get(conferences(caseId) + "/" + first).then().statusCode(404);
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(conferences(caseId) + "/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
