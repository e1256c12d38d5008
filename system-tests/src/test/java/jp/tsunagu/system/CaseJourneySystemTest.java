package jp.tsunagu.system;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.Service;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * One case carried by real logins (supporter, supervisor, peer) through the seven phases of the
 * booklet to closure, with a consultation of the family and a case conference between the visits;
 * what reached Kafka is checked on the broker itself.
 */
class CaseJourneySystemTest {

    private static final String TOKYO_SUPPORTER_1 = "1b0a4c1e-0001-4a6f-9a51-000000000001";
    private static final String TOKYO_PEER = "1b0a4c1e-0004-4a6f-9a51-000000000004";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .baseUri(RunningSystem.get().url(Service.CASE));
    }

    @Test
    void aCaseGoesThroughTheSevenPhasesToClosure() {
        String supporter = Logins.password("tokyo-supporter-1");
        String supervisor = Logins.password("tokyo-supervisor");
        String peer = Logins.password("tokyo-peer");

        String id = as(supporter).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-11-01T14:00:00+09:00", "channel", "VISIT",
                                "consultant", Map.of("relation", "MOTHER", "name", "鈴木 京子"),
                                "summary", "息子が6年間ほぼ自室から出ない"),
                        "subject", Map.of("familyName", "鈴木", "givenName", "悠人", "familyNameKana", "スズキ",
                                "givenNameKana", "ユウト", "birthYear", 1996, "withdrawalSince", "2020-03",
                                "interests", List.of("ギター", "天体観測")),
                        "household", List.of(Map.of("relation", "MOTHER", "keyPerson", true,
                                "relationshipWithSubject", "GOOD"))))
                .when().post("/api/v1/cases").then().statusCode(201).body("phase", equalTo("ASSESSMENT"))
                .extract().path("id");
        String c = "/api/v1/cases/" + id;

        as(supervisor).header("If-Match", "\"0\"").body(Map.of("members", List.of(
                        Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER_1, "role", "PRIMARY"),
                        Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER, "role", "PEER"))))
                .when().put(c + "/team").then().statusCode(200);
        as(supporter).body(Map.of("assessedOn", "2026-11-05", "withdrawalDegree", "STAYS_IN_ROOM",
                        "mentalState", Map.of("notes", "不眠", "suspectedUntreatedIllness", false),
                        "intellectualDisabilitySuspected", false, "familyCapacity", Map.of("level", "STRONG"),
                        "crisisUrgency", "NONE"))
                .when().post(c + "/assessments").then().statusCode(201);
        as(supporter).header("If-Match", "\"0\"").body(Map.of("goal", "本人のペースで外とつながる", "reason", "初回作成",
                        "subjectNeeds", "ギターの話ができる人", "familyNeeds", "働いてほしい"))
                .when().put(c + "/plan").then().statusCode(201);
        // most support starts with the family: the mother's phone call, now (the timeline tells
        // things when they happened: a call of last week would come before the case's opening)
        as(supporter).body(Map.of("occurredAt", java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Tokyo")).toString(),
                        "channel", "PHONE", "with", "FAMILY",
                        "relation", "MOTHER", "durationMinutes", 25, "topics", List.of("HOW_TO_RESPOND"),
                        "notes", "夜中にギターを弾く音がすると母親から電話"))
                .when().post(c + "/consultations").then().statusCode(201);

        for (String phase : List.of("ENVIRONMENT", "OUTREACH", "ENGAGEMENT", "DAILY_LIFE", "EXPANSION")) {
            as(supporter).body(Map.of("to", phase, "reason", "段階が進んだ")).when().post(c + "/phase-transitions")
                    .then().statusCode(201);
            if (phase.equals("DAILY_LIFE")) {
                as(supporter).body(Map.of("kind", "WISH", "category", "HOBBY", "raisedBy", "SUBJECT",
                        "description", "新しい弦がほしい")).when().post(c + "/concerns").then().statusCode(201);
                // the team reviews the case together (事例検討会), and the plan changes with it
                java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
                int revision = as(supervisor).body(Map.of("heldOn", today.toString(),
                                "attendees", Map.of("userIds", List.of(TOKYO_SUPPORTER_1), "agencyIds", List.of()),
                                "subjectNeeds", "ギター仲間がほしい", "familyNeeds", "母の負担を減らしたい",
                                "decisions", "外出の練習を始める", "nextReviewOn", today.plusMonths(3).toString(),
                                "plan", Map.of("goal", "週1回、外で人と会う", "reason", "事例検討会での見直し")))
                        .when().post(c + "/conferences").then().statusCode(201).extract().path("planRevision");
                as(supporter).when().get(c + "/plan").then().statusCode(200)
                        .body("revision", equalTo(revision)).body("goal", equalTo("週1回、外で人と会う"));
            }
            if (phase.equals("EXPANSION")) {
                as(supporter).body(Map.of("kind", "LEFT_HOME_WITH_SUPPORTER",
                                "reachedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString()))
                        .when().post(c + "/milestones").then().statusCode(201);
            }
        }

        // the peer on the team sees the case, not its sensitive parts
        as(peer).when().get(c).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("intake")));
        as(peer).when().get(c + "/assessments").then().statusCode(403);

        as(supporter).body(Map.of("reason", "EMPLOYED")).when().post(c + "/home-visit-end")
                .then().statusCode(200).body("phase", equalTo("FOLLOW_UP"));
        as(supporter).body(Map.of("reason", "見守りへ移行")).when().post(c + "/closure").then().statusCode(403);
        as(supervisor).body(Map.of("reason", "本人が就労し、支援目標を達成")).when().post(c + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        List<String> timeline = as(supporter).queryParam("limit", 200).when().get(c + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.kind");
        assertThat(timeline).startsWith("CASE_OPENED").endsWith("CASE_CLOSED")
                .contains("CONSULTATION_RECORDED", "CONFERENCE_HELD", "HOME_VISITS_ENDED");

        String kafka = "127.0.0.1:" + RunningSystem.get().layout().kafkaPort();
        List<EventReader.Record> events = EventReader.forSubject(kafka, "case-events", id, 14, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.header("ce_type")).containsExactly(
                "case.opened.v1", "case.team-changed.v1", "case.team-changed.v1", "case.assessment-recorded.v1",
                "case.consultation-recorded.v1", "case.phase-changed.v1", "case.phase-changed.v1",
                "case.phase-changed.v1", "case.phase-changed.v1", "case.conference-held.v1", "case.phase-changed.v1",
                "case.phase-changed.v1", "case.home-visits-ended.v1", "case.closed.v1");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(id);
            assertThat(e.header("ce_source")).isEqualTo("/tsunagu/case-service");
            assertThat(e.value()).doesNotContain("鈴木").doesNotContain("スズキ").doesNotContain("ギター").doesNotContain("不眠")
                    .doesNotContain("夜中").doesNotContain("負担").doesNotContain("外出の練習");
        });
    }
}
