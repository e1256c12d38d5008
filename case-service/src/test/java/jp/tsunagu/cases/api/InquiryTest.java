package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER_2;
import static jp.tsunagu.cases.CaseFixtures.open;
import static jp.tsunagu.cases.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Inquiries (問い合わせ) that are not (yet) a case: recorded without names by the center's staff,
 * listed by Tokyo day and page, and turned into a case once, through the very path of POST /cases.
 */
@QuarkusTest
class InquiryTest {

    private static final String INQUIRIES = "/api/v1/inquiries";

    private static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    private static Map<String, Object> inquiry(String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredAt", occurredAt);
        body.put("channel", "PHONE");
        body.put("with", "FAMILY");
        body.put("relation", "MOTHER");
        body.put("ageBand", "AGE_30_TO_39");
        body.put("gender", "MALE");
        body.put("topics", List.of("HOW_TO_RESPOND", "HOME_VISIT_PROPOSAL"));
        body.put("referredTo", "PUBLIC_HEALTH_CENTER");
        return body;
    }

    private static String record(TestTokens.Builder caller, Map<String, Object> body) {
        return as(caller).body(body).when().post(INQUIRIES).then().statusCode(201).extract().path("id");
    }

    /** A day of the past no other test records inquiries on: the list of that day is this test's own. */
    private static LocalDate aDayOfItsOwn() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7000));
    }

    @Test
    void aSupporterRecordsAnInquiryWithoutAName() {
        Response recorded = as(TOKYO_SUPPORTER).body(inquiry("2026-11-02T10:15:00+09:00")).when().post(INQUIRIES);
        recorded.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/inquiries/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"")
                .body("occurredAt", equalTo("2026-11-02T10:15:00+09:00"))
                .body("channel", equalTo("PHONE"))
                .body("with", equalTo("FAMILY"))
                .body("relation", equalTo("MOTHER"))
                .body("ageBand", equalTo("AGE_30_TO_39"))
                .body("gender", equalTo("MALE"))
                .body("topics", containsInAnyOrder("HOW_TO_RESPOND", "HOME_VISIT_PROPOSAL"))
                .body("referredTo", equalTo("PUBLIC_HEALTH_CENTER"))
                .body("recordedBy", equalTo(TOKYO_SUPPORTER.subject()))
                .body("$", not(hasKey("caseId")));
        String id = recorded.path("id");

        Map<String, Object> read = given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(INQUIRIES + "/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").extract().jsonPath().getMap("$");
        assertThat(read.keySet()).containsExactlyInAnyOrder("id", "version", "occurredAt", "channel", "with", "relation",
                "ageBand", "gender", "topics", "referredTo", "recordedAt", "recordedBy");
    }

    @Test
    void aNameCannotBeSentWithAnInquiry() {
        LocalDate day = aDayOfItsOwn();
        for (String property : List.of("name", "familyName", "consultantName")) {
            Map<String, Object> body = inquiry(day + "T11:00:00+09:00");
            body.put(property, "佐藤 花子");
            String problem = as(TOKYO_SUPPORTER).body(body).when().post(INQUIRIES).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains(property)).extract().asString();
            assertThat(problem).doesNotContain("佐藤");
        }
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get(INQUIRIES).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRelationIsRequiredExactlyWhenTheFamilyAsked() {
        Map<String, Object> noRelation = inquiry("2026-11-02T10:15:00+09:00");
        noRelation.remove("relation");
        as(TOKYO_SUPPORTER).body(noRelation).when().post(INQUIRIES).then().statusCode(400)
                .body("violations.field", contains("relation"));
        Map<String, Object> subjectWithRelation = inquiry("2026-11-02T10:15:00+09:00");
        subjectWithRelation.put("with", "SUBJECT");
        as(TOKYO_SUPPORTER).body(subjectWithRelation).when().post(INQUIRIES).then().statusCode(400)
                .body("violations.field", contains("relation"));
        Map<String, Object> subject = inquiry("2026-11-02T10:15:00+09:00");
        subject.put("with", "SUBJECT");
        subject.remove("relation");
        subject.remove("ageBand");
        subject.remove("gender");
        subject.remove("referredTo");
        as(TOKYO_SUPPORTER).body(subject).when().post(INQUIRIES).then().statusCode(201)
                .body("with", equalTo("SUBJECT")).body("$", not(hasKey("relation"))).body("$", not(hasKey("ageBand")));
        Map<String, Object> noTopic = inquiry("2026-11-02T10:15:00+09:00");
        noTopic.put("topics", List.of());
        as(TOKYO_SUPPORTER).body(noTopic).when().post(INQUIRIES).then().statusCode(400)
                .body("violations.field", contains("topics"));
        as(TOKYO_SUPPORTER).body(inquiry("2199-01-01T10:00:00+09:00")).when().post(INQUIRIES).then().statusCode(400)
                .body("violations.field", contains("occurredAt"));
    }

    @Test
    void theListIsTheCentersNewestFirstByTokyoDayAndPage() {
        LocalDate day = aDayOfItsOwn();
        String early = record(TOKYO_SUPPORTER, inquiry(day + "T00:05:00+09:00"));
        String noon = record(TOKYO_SUPPORTER_2, inquiry(day + "T12:00:00+09:00"));
        String late = record(TOKYO_SUPERVISOR, inquiry(day + "T23:55:00+09:00"));
        // the day before and after in Tokyo, although the same UTC day as one of them
        String dayBefore = record(TOKYO_SUPPORTER, inquiry(day.minusDays(1) + "T23:59:00+09:00"));
        String dayAfter = record(TOKYO_SUPPORTER, inquiry(day.plusDays(1) + "T00:00:00+09:00"));
        String osaka = record(OSAKA_SUPERVISOR, inquiry(day + "T13:00:00+09:00"));

        Response first = given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("from", day.toString())
                .queryParam("to", day.toString()).queryParam("limit", 2).when().get(INQUIRIES);
        first.then().statusCode(200).body("items.id", contains(late, noon)).body("nextCursor", not(nullValue()));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("limit", 2).queryParam("cursor", first.path("nextCursor").toString()).when().get(INQUIRIES)
                .then().statusCode(200).body("items.id", contains(early)).body("nextCursor", nullValue());

        given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("from", day.minusDays(1).toString())
                .queryParam("to", day.plusDays(1).toString()).when().get(INQUIRIES)
                .then().statusCode(200).body("items.id", contains(dayAfter, late, noon, early, dayBefore));
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get(INQUIRIES).then().statusCode(200).body("items.id", contains(osaka));
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("from", day.toString())
                .queryParam("to", day.minusDays(1).toString()).when().get(INQUIRIES).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("to"));
    }

    @Test
    void anInquiryBecomesACaseLinkedBothWaysThroughTheOpeningOfCases() {
        // a case of the same person opened before: the opening from the inquiry warns of it, as POST /cases does
        Map<String, Object> opening = openCase("スズキ", "イチロウ" + UUID.randomUUID().toString().substring(0, 4)
                .replaceAll("[0-9a-f]", "ア"), "1991-03-03");
        String earlier = open(TOKYO_SUPPORTER, opening).then().statusCode(201).extract().path("id");
        String inquiryId = record(TOKYO_SUPPORTER, inquiry("2026-11-03T09:00:00+09:00"));

        Response opened = as(TOKYO_SUPPORTER).body(opening).when().post(INQUIRIES + "/" + inquiryId + "/case");
        opened.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/[0-9a-f-]{36}"))
                .body("caseNumber", matchesPattern("C-\\d{4}-\\d{6}"))
                .body("phase", equalTo("ASSESSMENT"))
                .body("status", equalTo("OPEN"))
                .body("inquiryId", equalTo(inquiryId))
                .body("warnings.caseId", hasItem(earlier));
        String caseId = opened.path("id");

        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("inquiryId", equalTo(inquiryId)).body("subject.familyNameKana", equalTo("スズキ"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(INQUIRIES + "/" + inquiryId).then().statusCode(200)
                .header("ETag", "\"1\"").body("caseId", equalTo(caseId));
        // the supporter who opened it is its PRIMARY, as with POST /cases
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId + "/team").then()
                .statusCode(200).body("members.userId", contains(TOKYO_SUPPORTER.subject()));

        List<EventReader.Record> events = EventReader.forSubject("case-events", caseId, 2, Duration.ofSeconds(20));
        assertThat(events).extracting(r -> r.header("ce_type")).contains("case.opened.v1", "case.team-changed.v1");
        assertThat(events).allSatisfy(e -> assertThat(e.value()).doesNotContain("スズキ").doesNotContain("佐藤"));

        // a second conversion is a conflict, and opens nothing
        as(TOKYO_SUPERVISOR).body(openCase()).when().post(INQUIRIES + "/" + inquiryId + "/case").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(INQUIRIES + "/" + inquiryId).then().statusCode(200)
                .header("ETag", "\"1\"").body("caseId", equalTo(caseId));
    }

    @Test
    void aConversionTakesTheChecksOfAnOpeningAndLeavesTheInquiryAsItWas() {
        String inquiryId = record(TOKYO_SUPPORTER, inquiry("2026-11-03T09:00:00+09:00"));
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = new HashMap<>((Map<String, Object>) openCase().get("subject"));
        subject.put("familyNameKana", "Suzuki");
        Map<String, Object> body = new HashMap<>(openCase());
        body.put("subject", subject);
        as(TOKYO_SUPPORTER).body(body).when().post(INQUIRIES + "/" + inquiryId + "/case").then().statusCode(400)
                .body("violations.field", contains("subject.familyNameKana"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(INQUIRIES + "/" + inquiryId).then().statusCode(200)
                .header("ETag", "\"0\"").body("$", not(hasKey("caseId")));
    }

    @Test
    void anotherCentersInquiryIsNotFound() {
        String inquiryId = record(TOKYO_SUPPORTER, inquiry("2026-11-04T09:00:00+09:00"));
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).when().get(INQUIRIES + "/" + inquiryId).then().statusCode(404)
                .contentType("application/problem+json");
        as(OSAKA_SUPERVISOR).body(openCase()).when().post(INQUIRIES + "/" + inquiryId + "/case").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(INQUIRIES + "/" + inquiryId).then().statusCode(200)
                .body("$", not(hasKey("caseId")));
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).queryParam("from", "2026-11-04").queryParam("to", "2026-11-04")
                .queryParam("limit", 200).when().get(INQUIRIES).then().statusCode(200).body("items.id", not(hasItem(inquiryId)));
    }

    @Test
    void aRetriedRecordingOrConversionWithTheSameKeyActsOnce() {
        LocalDate day = aDayOfItsOwn();
        Map<String, Object> body = inquiry(day + "T15:00:00+09:00");
        String key = UUID.randomUUID().toString();
        Response first = as(TOKYO_SUPPORTER).header("Idempotency-Key", key).body(body).when().post(INQUIRIES);
        Response retry = as(TOKYO_SUPPORTER).header("Idempotency-Key", key).body(body).when().post(INQUIRIES);
        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get(INQUIRIES).then().statusCode(200).body("items.id", contains((String) first.path("id")));
        Map<String, Object> other = new HashMap<>(body);
        other.put("channel", "EMAIL");
        as(TOKYO_SUPPORTER).header("Idempotency-Key", key).body(other).when().post(INQUIRIES).then().statusCode(422);

        String inquiryId = first.path("id");
        Map<String, Object> opening = openCase();
        String caseKey = UUID.randomUUID().toString();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(as(TOKYO_SUPPORTER).header("Idempotency-Key", caseKey).body(opening)
                    .when().post(INQUIRIES + "/" + inquiryId + "/case"));
        }
        answers.get(0).then().statusCode(201);
        answers.get(1).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(answers.get(0).path("id")))
                .body("caseNumber", equalTo(answers.get(0).path("caseNumber")));
    }
}
