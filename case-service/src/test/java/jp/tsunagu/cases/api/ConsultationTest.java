package jp.tsunagu.cases.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditOutcome;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Consultations of a case (相談): recorded, paged, read, corrected with their history kept, each
 * on the timeline and on case-events without what was said; peers never see the notes.
 */
@QuarkusTest
class ConsultationTest {

    private static final String NOTES = "母より電話。本人が夜中に壁を叩く。関わり方を相談。";

    @Inject
    EntityManager em;

    private static io.restassured.specification.RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    private static io.restassured.specification.RequestSpecification patchAs(TestTokens.Builder caller, String etag) {
        var request = given().auth().oauth2(caller.token()).contentType("application/merge-patch+json; charset=UTF-8");
        return etag == null ? request : request.header("If-Match", etag);
    }

    /** A phone call with the mother (the intake of the fixtures' cases was on 2026-11-20). */
    private static Map<String, Object> withMother(String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredAt", occurredAt);
        body.put("channel", "PHONE");
        body.put("with", "FAMILY");
        body.put("relation", "MOTHER");
        body.put("durationMinutes", 45);
        body.put("topics", List.of("HOW_TO_RESPOND", "CRISIS"));
        body.put("notes", NOTES);
        return body;
    }

    private static String consultations(String caseId) {
        return "/api/v1/cases/" + caseId + "/consultations";
    }

    private static String record(String caseId, Map<String, Object> body) {
        return as(TOKYO_SUPPORTER).body(body).when().post(consultations(caseId)).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aRecordedConsultationIsReadWhereItsLocationSays() {
        String caseId = openAsTokyoSupporter();
        Response created = as(TOKYO_SUPPORTER).body(withMother("2026-11-25T10:00:00+09:00"))
                .when().post(consultations(caseId));
        created.then().statusCode(201).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("caseId", equalTo(caseId))
                .body("occurredAt", equalTo("2026-11-25T10:00:00+09:00"))
                .body("channel", equalTo("PHONE")).body("with", equalTo("FAMILY")).body("relation", equalTo("MOTHER"))
                .body("durationMinutes", equalTo(45)).body("topics", contains("HOW_TO_RESPOND", "CRISIS"))
                .body("notes", equalTo(NOTES)).body("recordedBy", equalTo(TOKYO_SUPPORTER.subject()));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(consultations(caseId) + "/" + id);

        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(created.header("Location")).then().statusCode(200)
                .header("ETag", "\"1\"").body("id", equalTo(id)).body("notes", equalTo(NOTES))
                .body("topics", contains("HOW_TO_RESPOND", "CRISIS"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(consultations(caseId) + "/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType(containsString("application/problem+json"));
        // a consultation is read under its own case only
        String otherCase = openAsTokyoSupporter();
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(consultations(otherCase) + "/" + id)
                .then().statusCode(404);
    }

    @Test
    void theListIsPagedTheLatestFirst() {
        String caseId = openAsTokyoSupporter();
        String second = record(caseId, withMother("2026-11-27T09:00:00+09:00"));
        String first = record(caseId, withMother("2026-11-21T09:00:00+09:00"));
        String third = record(caseId, withMother("2026-12-01T09:00:00+09:00"));

        Response page1 = given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("limit", 2)
                .when().get(consultations(caseId));
        page1.then().statusCode(200).body("items.id", contains(third, second));
        String cursor = page1.path("nextCursor");
        assertThat(cursor).isNotBlank();
        given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(consultations(caseId)).then().statusCode(200)
                .body("items.id", contains(first)).body("nextCursor", nullValue());
        given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("cursor", "eA").when().get(consultations(caseId))
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void aCorrectionKeepsTheEarlierVersions() {
        String caseId = openAsTokyoSupporter();
        String id = record(caseId, withMother("2026-11-25T10:00:00+09:00"));
        String at = consultations(caseId) + "/" + id;

        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("durationMinutes", 60, "notes", "訂正: 60分"))
                .when().patch(at).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("durationMinutes", equalTo(60)).body("relation", equalTo("MOTHER"));
        Map<String, Object> toTheFather = new HashMap<>();
        toTheFather.put("relation", "FATHER");
        toTheFather.put("notes", null);
        patchAs(TOKYO_SUPERVISOR, "\"2\"").body(toTheFather).when().patch(at).then().statusCode(200)
                .header("ETag", "\"3\"").body("relation", equalTo("FATHER")).body("$", not(hasKey("notes")))
                .body("updatedBy", equalTo(TOKYO_SUPERVISOR.subject()))
                .body("recordedBy", equalTo(TOKYO_SUPPORTER.subject()));
        // the same values again change nothing: no new version
        patchAs(TOKYO_SUPPORTER, "\"3\"").body(Map.of("relation", "FATHER", "topics", List.of("CRISIS", "HOW_TO_RESPOND")))
                .when().patch(at).then().statusCode(200).header("ETag", "\"3\"");

        JsonPath revisions = given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(at + "/revisions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(revisions.getList("items.version", Integer.class)).containsExactly(1, 2);
        assertThat(revisions.getList("items.consultation.notes", String.class)).containsExactly(NOTES, "訂正: 60分");
        assertThat(revisions.getList("items.consultation.durationMinutes", Integer.class)).containsExactly(45, 60);
        assertThat(revisions.getList("items.revisedBy", String.class))
                .containsExactly(TOKYO_SUPPORTER.subject(), TOKYO_SUPERVISOR.subject());
        assertThat(revisions.getInt("current.version")).isEqualTo(3);
        assertThat(revisions.getString("current.relation")).isEqualTo("FATHER");
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(at).then().header("ETag", "\"3\"");
    }

    @Test
    void aCorrectionNeedsTheCurrentVersion() {
        String caseId = openAsTokyoSupporter();
        String at = consultations(caseId) + "/" + record(caseId, withMother("2026-11-25T10:00:00+09:00"));

        patchAs(TOKYO_SUPPORTER, null).body(Map.of("durationMinutes", 30)).when().patch(at).then().statusCode(428)
                .contentType(containsString("application/problem+json"));
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("durationMinutes", 30)).when().patch(at).then().statusCode(200);
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("durationMinutes", 20)).when().patch(at).then().statusCode(412)
                .contentType(containsString("application/problem+json")).body("currentVersion", equalTo(2));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(at).then().body("durationMinutes", equalTo(30));
    }

    @Test
    void aRetryWithTheSameKeyRecordsOnce() {
        String caseId = openAsTokyoSupporter();
        Map<String, Object> body = withMother("2026-11-25T10:00:00+09:00");
        Response first = as(TOKYO_SUPPORTER).header("Idempotency-Key", "consult-" + caseId).body(body)
                .when().post(consultations(caseId));
        first.then().statusCode(201);
        Response again = as(TOKYO_SUPPORTER).header("Idempotency-Key", "consult-" + caseId).body(body)
                .when().post(consultations(caseId));
        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"1\"")
                .header("Location", endsWith("/consultations/" + first.path("id")))
                .body("id", equalTo(first.path("id")));

        Map<String, Object> other = new HashMap<>(body);
        other.put("durationMinutes", 50);
        as(TOKYO_SUPPORTER).header("Idempotency-Key", "consult-" + caseId).body(other).when().post(consultations(caseId))
                .then().statusCode(422).contentType(containsString("application/problem+json"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(consultations(caseId)).then()
                .body("items.id", contains((String) first.path("id")));
    }

    @Test
    void anIncompleteOrUnknownConsultationIsRefusedFieldByField() {
        String caseId = openAsTokyoSupporter();
        Map<String, Object> noRelation = withMother("2026-11-25T10:00:00+09:00");
        noRelation.remove("relation");
        expectViolation(caseId, noRelation, "relation", "which member");
        Map<String, Object> subjectWithRelation = withMother("2026-11-25T10:00:00+09:00");
        subjectWithRelation.put("with", "SUBJECT");
        expectViolation(caseId, subjectWithRelation, "relation", "is only for with FAMILY");
        Map<String, Object> unknown = withMother("2026-11-25T10:00:00+09:00");
        unknown.put("mood", "calm");
        expectViolation(caseId, unknown, "mood", "unknown property");
        Map<String, Object> fax = withMother("2026-11-25T10:00:00+09:00");
        fax.put("channel", "FAX");
        expectViolation(caseId, fax, "channel", "one of PHONE, CENTER_VISIT, EMAIL, ONLINE, OTHER");
        Map<String, Object> badTopic = withMother("2026-11-25T10:00:00+09:00");
        badTopic.put("topics", List.of("WEATHER"));
        expectViolation(caseId, badTopic, "topics[0]", "one of HOW_TO_RESPOND");
        Map<String, Object> tooLong = withMother("2026-11-25T10:00:00+09:00");
        tooLong.put("durationMinutes", 1441);
        expectViolation(caseId, tooLong, "durationMinutes", "1440");
        Map<String, Object> noWith = withMother("2026-11-25T10:00:00+09:00");
        noWith.remove("with");
        expectViolation(caseId, noWith, "with", "must not be null");
        expectViolation(caseId, withMother("2026-11-19T10:00:00+09:00"), "occurredAt", "not before its intake");
        expectViolation(caseId, withMother(OffsetDateTime.now(ZoneOffset.ofHours(9)).plusHours(2).toString()),
                "occurredAt", "future");

        String at = consultations(caseId) + "/" + record(caseId, withMother("2026-11-25T10:00:00+09:00"));
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("with", "AGENCY")).when().patch(at).then().statusCode(400)
                .body("violations.field", contains("relation"));
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("notes", "x".repeat(8001))).when().patch(at).then().statusCode(400)
                .body("violations.field", contains("notes"));
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("feeling", "x")).when().patch(at).then().statusCode(400)
                .body("violations.field", contains("feeling"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(consultations(caseId)).then()
                .body("items.size()", equalTo(1)).body("items[0].version", equalTo(1)).body("items[0].with", equalTo("FAMILY"));
    }

    private static void expectViolation(String caseId, Map<String, Object> body, String field, String message) {
        JsonPath problem = as(TOKYO_SUPPORTER).body(body).when().post(consultations(caseId)).then().statusCode(400)
                .contentType(containsString("application/problem+json")).extract().jsonPath();
        assertThat(problem.getList("violations", Map.class)).as(field)
                .anySatisfy(v -> {
                    assertThat(v.get("field")).isEqualTo(field);
                    assertThat((String) v.get("message")).contains(message);
                });
    }

    @Test
    void aClosedCaseTakesNoConsultation() {
        String caseId = openAsTokyoSupporter();
        String at = consultations(caseId) + "/" + record(caseId, withMother("2026-11-25T10:00:00+09:00"));
        as(TOKYO_SUPERVISOR).body(Map.of("reason", "支援目標を達成")).when().post("/api/v1/cases/" + caseId + "/closure")
                .then().statusCode(200);

        as(TOKYO_SUPPORTER).body(withMother("2026-11-26T10:00:00+09:00")).when().post(consultations(caseId))
                .then().statusCode(409).contentType(containsString("application/problem+json"));
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("durationMinutes", 10)).when().patch(at).then().statusCode(409);
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(at).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void theTimelineTellsOfRecordsAndCorrectionsWithoutWhatWasSaid() {
        String caseId = openAsTokyoSupporter();
        String id = record(caseId, withMother("2026-11-25T10:00:00+09:00"));
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("channel", "CENTER_VISIT"))
                .when().patch(consultations(caseId) + "/" + id).then().statusCode(200);

        List<Map<String, Object>> lines = given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("limit", 200)
                .when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(e -> String.valueOf(e.get("kind")).startsWith("CONSULTATION_")).toList();
        assertThat(lines).extracting(e -> e.get("kind"), e -> e.get("refId"), e -> e.get("attributes")).containsExactly(
                tuple("CONSULTATION_RECORDED", id, Map.of("channel", "PHONE", "with", "FAMILY", "revision", 1)),
                tuple("CONSULTATION_CORRECTED", id, Map.of("channel", "CENTER_VISIT", "with", "FAMILY", "revision", 2)));
        assertThat(lines.get(0).get("occurredAt")).isEqualTo("2026-11-25T10:00:00+09:00");
    }

    @Test
    void aPeerOnTheTeamSeesConsultationsWithoutTheNotes() {
        String caseId = openAsTokyoSupporter();
        as(TOKYO_SUPERVISOR).header("If-Match", "\"0\"").body(Map.of("members", List.of(
                        Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER.subject(), "role", "PRIMARY"),
                        Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PEER"))))
                .when().put("/api/v1/cases/" + caseId + "/team").then().statusCode(200);
        String id = record(caseId, withMother("2026-11-25T10:00:00+09:00"));
        String at = consultations(caseId) + "/" + id;

        String list = given().auth().oauth2(TOKYO_PEER.token()).when().get(consultations(caseId)).then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].relation", equalTo("MOTHER"))
                .body("items[0]", not(hasKey("notes"))).extract().asString();
        String one = given().auth().oauth2(TOKYO_PEER.token()).when().get(at).then().statusCode(200)
                .header("ETag", "\"1\"").body("relation", equalTo("MOTHER")).body("$", not(hasKey("notes")))
                .extract().asString();
        assertThat(list + one).doesNotContain(NOTES);
        given().auth().oauth2(TOKYO_PEER.token()).when().get(at + "/revisions").then().statusCode(403);
        as(TOKYO_PEER).body(withMother("2026-11-26T10:00:00+09:00")).when().post(consultations(caseId))
                .then().statusCode(403);
    }

    @Test
    void eachRecordAndCorrectionIsAnEventWithTheFactsAndNoNotes() {
        String caseId = openAsTokyoSupporter();
        String id = record(caseId, withMother("2026-11-25T10:00:00+09:00"));
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("durationMinutes", 50, "notes", "追記: 父も同席"))
                .when().patch(consultations(caseId) + "/" + id).then().statusCode(200);

        List<EventReader.Record> events = EventReader.read("case-events", all -> consultationEvents(all, caseId).size() >= 2,
                Duration.ofSeconds(20));
        List<EventReader.Record> ours = consultationEvents(events, caseId);
        assertThat(ours).hasSize(2);
        assertThat(ours).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(caseId);
            assertThat(e.value()).doesNotContain("母より電話").doesNotContain("父も同席").doesNotContain("MOTHER")
                    .doesNotContain("relation").doesNotContain("notes");
        });
        JsonPath recorded = JsonPath.from(ours.get(0).value());
        assertThat(recorded.getString("consultationId")).isEqualTo(id);
        assertThat(recorded.getString("caseId")).isEqualTo(caseId);
        assertThat(recorded.getString("centerId")).isEqualTo("tokyo");
        assertThat(recorded.getInt("revision")).isEqualTo(1);
        assertThat(recorded.getString("channel")).isEqualTo("PHONE");
        assertThat(recorded.getString("with")).isEqualTo("FAMILY");
        assertThat(recorded.getInt("durationMinutes")).isEqualTo(45);
        assertThat(recorded.getList("topics", String.class)).containsExactly("HOW_TO_RESPOND", "CRISIS");
        assertThat(recorded.getString("recordedBy")).isEqualTo(TOKYO_SUPPORTER.subject());
        JsonPath corrected = JsonPath.from(ours.get(1).value());
        assertThat(corrected.getInt("revision")).isEqualTo(2);
        assertThat(corrected.getInt("durationMinutes")).isEqualTo(50);
    }

    private static List<EventReader.Record> consultationEvents(List<EventReader.Record> records, String caseId) {
        return records.stream().filter(r -> "case.consultation-recorded.v1".equals(r.header("ce_type")))
                .filter(r -> caseId.equals(r.header("ce_subject"))).toList();
    }

    @Test
    void everyActOnConsultationsLeavesAnAuditEntry() {
        String caseId = openAsTokyoSupporter();
        String at = consultations(caseId) + "/" + record(caseId, withMother("2026-11-25T10:00:00+09:00"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(consultations(caseId)).then().statusCode(200);
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(at).then().statusCode(200);
        patchAs(TOKYO_SUPPORTER, "\"1\"").body(Map.of("durationMinutes", 10)).when().patch(at).then().statusCode(200);
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(at + "/revisions").then().statusCode(200);
        given().auth().oauth2(jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR.token()).when().get(at).then().statusCode(404);

        List<AuditEntry> entries = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from AuditEntry e where e.objectType = 'case' and e.objectId = :id order by e.id", AuditEntry.class)
                .setParameter("id", caseId).getResultList());
        assertThat(entries).extracting(e -> e.action, e -> e.outcome, e -> e.actorId).containsExactly(
                tuple("case.open", AuditOutcome.SUCCESS, TOKYO_SUPPORTER.subject()),
                tuple("case.consultation.record", AuditOutcome.SUCCESS, TOKYO_SUPPORTER.subject()),
                tuple("case.consultation.read", AuditOutcome.SUCCESS, TOKYO_SUPPORTER.subject()),
                tuple("case.consultation.read", AuditOutcome.SUCCESS, TOKYO_SUPPORTER.subject()),
                tuple("case.consultation.correct", AuditOutcome.SUCCESS, TOKYO_SUPPORTER.subject()),
                tuple("case.consultation.revisions.read", AuditOutcome.SUCCESS, TOKYO_SUPERVISOR.subject()),
                tuple("case.consultation.read", AuditOutcome.DENIED,
                        jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR.subject()));
    }
}
