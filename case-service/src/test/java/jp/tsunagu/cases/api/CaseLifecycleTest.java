package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER_2;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A case carried through assessment, plan, phases, crisis, concerns, milestones, end of visits, closure. */
@QuarkusTest
class CaseLifecycleTest {

    private static io.restassured.specification.RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    private static Map<String, Object> assessment(String urgency, List<String> factors) {
        return Map.of("assessedOn", "2026-11-21", "developmentalHistory", "小学校高学年から不登校気味",
                "withdrawalDegree", "STAYS_IN_ROOM",
                "mentalState", Map.of("notes", "昼夜逆転、独語あり", "suspectedUntreatedIllness", true),
                "intellectualDisabilitySuspected", false, "familyRelations", "父とは会話なし",
                "familyCapacity", Map.of("level", "ADEQUATE", "notes", "母は相談継続の意思あり"),
                "crisisUrgency", urgency, "crisisFactors", factors);
    }

    @Test
    void anImminentAssessmentRaisesTheCrisisAlertAndIsCurrent() {
        String id = openAsTokyoSupporter();
        as(TOKYO_SUPPORTER).body(assessment("NONE", List.of())).when().post("/api/v1/cases/" + id + "/assessments")
                .then().statusCode(201).body("crisisUrgency", equalTo("NONE"));
        as(TOKYO_SUPPORTER).body(assessment("IMMINENT", List.of("VIOLENCE", "HARM_TO_OTHERS")))
                .when().post("/api/v1/cases/" + id + "/assessments")
                .then().statusCode(201).body("crisisUrgency", equalTo("IMMINENT"));

        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id + "/assessments").then().statusCode(200)
                .body("items[0].crisisUrgency", equalTo("IMMINENT"))
                .body("items.size()", equalTo(2));
        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id).then().body("crisisUrgency", equalTo("IMMINENT"));
        as(TOKYO_SUPERVISOR).queryParam("crisis", true).queryParam("limit", 200).when().get("/api/v1/cases")
                .then().body("items.id", hasItem(id));

        List<EventReader.Record> events = EventReader.forSubject("case-events", id, 4, Duration.ofSeconds(20));
        assertThat(events).extracting(r -> r.header("ce_type"))
                .contains("case.assessment-recorded.v1", "case.crisis-reported.v1");
        assertThat(events).allSatisfy(e -> assertThat(e.value()).doesNotContain("昼夜逆転").doesNotContain("不登校"));
    }

    @Test
    void anUrgencyNeedsItsFactors() {
        String id = openAsTokyoSupporter();
        as(TOKYO_SUPPORTER).body(assessment("WATCH", List.of())).when().post("/api/v1/cases/" + id + "/assessments")
                .then().statusCode(400).body("violations[0].field", equalTo("crisisFactors"));
    }

    @Test
    void thePlanIsRevisedWithReasonsAndKeepsTheNeedsApart() {
        String id = openAsTokyoSupporter();
        Map<String, Object> plan = Map.of("goal", "本人が安心して過ごせる居場所につながる", "prospect", "1年程度で外出",
                "homeVisitRole", "本人との接点づくり", "subjectNeeds", "ゲームの話ができる相手",
                "familyNeeds", "早く働いてほしい", "reason", "初回作成");
        as(TOKYO_SUPPORTER).header("If-Match", "\"0\"").body(plan).when().put("/api/v1/cases/" + id + "/plan")
                .then().statusCode(201).header("ETag", "\"1\"").body("revision", equalTo(1));
        as(TOKYO_SUPPORTER).header("If-Match", "\"0\"").body(plan).when().put("/api/v1/cases/" + id + "/plan")
                .then().statusCode(412);
        Map<String, Object> revised = new java.util.HashMap<>(plan);
        revised.put("subjectNeeds", "外出の練習");
        revised.put("reason", "面談で本人の希望が変わった");
        as(TOKYO_SUPPORTER).header("If-Match", "\"1\"").body(revised).when().put("/api/v1/cases/" + id + "/plan")
                .then().statusCode(200).body("revision", equalTo(2)).body("familyNeeds", equalTo("早く働いてほしい"));
        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id + "/plan/revisions").then().statusCode(200)
                .body("items.reason", contains("面談で本人の希望が変わった", "初回作成"));
    }

    @Test
    void phasesMoveForwardAndBackWithHistory() {
        String id = openAsTokyoSupporter();
        for (String phase : List.of("ENVIRONMENT", "OUTREACH", "ENGAGEMENT")) {
            as(TOKYO_SUPPORTER).body(Map.of("to", phase, "reason", "次の段階へ"))
                    .when().post("/api/v1/cases/" + id + "/phase-transitions").then().statusCode(201);
        }
        as(TOKYO_SUPPORTER).body(Map.of("to", "OUTREACH", "reason", "面会を拒否されるようになった"))
                .when().post("/api/v1/cases/" + id + "/phase-transitions").then().statusCode(201)
                .body("steppedBack", equalTo(true));
        as(TOKYO_SUPPORTER).body(Map.of("to", "OUTREACH", "reason", "同じ"))
                .when().post("/api/v1/cases/" + id + "/phase-transitions").then().statusCode(409);
        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id + "/phase-transitions").then().statusCode(200)
                .body("items.to", contains("ENVIRONMENT", "OUTREACH", "ENGAGEMENT", "OUTREACH"));
        as(TOKYO_SUPERVISOR).queryParam("phase", "OUTREACH").queryParam("limit", 200).when().get("/api/v1/cases")
                .then().body("items.id", hasItem(id));
        List<EventReader.Record> events = EventReader.forSubject("case-events", id, 5, Duration.ofSeconds(20));
        assertThat(events).filteredOn(e -> "case.phase-changed.v1".equals(e.header("ce_type"))).hasSize(4);
    }

    @Test
    void theTeamHasExactlyOnePrimaryAndOnlySupervisorsAssignIt() {
        String id = openAsTokyoSupporter();
        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id + "/team").then().statusCode(200)
                .body("members[0].role", equalTo("PRIMARY")).body("members[0].userId", equalTo(TOKYO_SUPPORTER.subject()));
        Map<String, Object> twoPrimaries = Map.of("members", List.of(
                Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER.subject(), "role", "PRIMARY"),
                Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER_2.subject(), "role", "PRIMARY")));
        as(TOKYO_SUPERVISOR).header("If-Match", "\"0\"").body(twoPrimaries).when().put("/api/v1/cases/" + id + "/team")
                .then().statusCode(400).body("violations.field", hasItem("members"));
        Map<String, Object> peerAsPrimary = Map.of("members", List.of(
                Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PRIMARY")));
        as(TOKYO_SUPERVISOR).header("If-Match", "\"0\"").body(peerAsPrimary).when().put("/api/v1/cases/" + id + "/team")
                .then().statusCode(400).body("violations.field", hasItem("members[0].role"));
        Map<String, Object> team = Map.of("members", List.of(
                Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER.subject(), "role", "PRIMARY"),
                Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PEER"),
                Map.of("kind", "AGENCY_CONTACT", "agencyId", "tokyo-health-center", "role", "BACKUP_AGENCY")));
        as(TOKYO_SUPPORTER).header("If-Match", "\"0\"").body(team).when().put("/api/v1/cases/" + id + "/team")
                .then().statusCode(403);
        as(TOKYO_SUPERVISOR).header("If-Match", "\"0\"").body(team).when().put("/api/v1/cases/" + id + "/team")
                .then().statusCode(200).header("ETag", "\"1\"").body("members.size()", equalTo(3));
        assertThat(EventReader.forSubject("case-events", id, 2, Duration.ofSeconds(20)))
                .extracting(r -> r.header("ce_type")).contains("case.team-changed.v1");
    }

    @Test
    void aReportedCrisisRaisesTheAlertAndTheCrisisPlanIsKept() {
        String id = openAsTokyoSupporter();
        Map<String, Object> plan = Map.of("contacts", List.of(
                        Map.of("name", "新宿警察署", "phone", "03-3346-0110", "when", "暴力があったとき"),
                        Map.of("agencyId", "tokyo-health-center", "name", "保健所", "phone", "03-1234-5678")),
                "instructions", "身の危険を感じたらまず避難し、110番", "sharedWithFamilyOn", "2026-11-22");
        as(TOKYO_SUPPORTER).header("If-Match", "\"0\"").body(plan).when().put("/api/v1/cases/" + id + "/crisis-plan")
                .then().statusCode(201).header("ETag", "\"1\"");
        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id + "/crisis-plan").then().statusCode(200)
                .body("contacts[0].phone", equalTo("03-3346-0110")).body("sharedWithFamilyOn", equalTo("2026-11-22"));

        as(TOKYO_SUPPORTER).body(Map.of("occurredAt", "2026-11-23T23:10:00+09:00", "kinds", List.of("VIOLENCE"),
                        "description", "父に物を投げた", "actions", List.of("POLICE")))
                .when().post("/api/v1/cases/" + id + "/crises").then().statusCode(201);
        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id + "/crises").then().statusCode(200)
                .body("items[0].kinds", contains("VIOLENCE")).body("items[0].actions", contains("POLICE"));
        List<EventReader.Record> events = EventReader.forSubject("case-events", id, 2, Duration.ofSeconds(20));
        assertThat(events).filteredOn(e -> "case.crisis-reported.v1".equals(e.header("ce_type"))).singleElement()
                .satisfies(e -> assertThat(e.value()).contains("VIOLENCE").contains("POLICE").doesNotContain("父に物"));
    }

    @Test
    void concernsAndMilestonesAreRecordedAndConcernsChangeWithIfMatch() {
        String id = openAsTokyoSupporter();
        String concern = as(TOKYO_SUPPORTER).body(Map.of("kind", "TROUBLE", "category", "HEALTH", "raisedBy", "SUBJECT",
                        "description", "歯が痛い"))
                .when().post("/api/v1/cases/" + id + "/concerns").then().statusCode(201)
                .body("status", equalTo("OPEN")).header("ETag", "\"0\"").extract().path("id");
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "RESOLVED", "actions", List.of("ACCOMPANIED_MEDICAL_VISIT")))
                .when().patch("/api/v1/cases/" + id + "/concerns/" + concern).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("description", equalTo("歯が痛い")).header("ETag", "\"1\"");
        as(TOKYO_SUPPORTER).body(Map.of("kind", "DECIDED_TO_CHANGE", "reachedOn", "2026-11-01", "note", "「このままではいけない」と話した"))
                .when().post("/api/v1/cases/" + id + "/milestones").then().statusCode(201);
        as(TOKYO_SUPPORTER).when().get("/api/v1/cases/" + id + "/milestones").then().statusCode(200)
                .body("items[0].kind", equalTo("DECIDED_TO_CHANGE"));
    }

    @Test
    void homeVisitsEndThenTheSupervisorClosesAndTheCaseIsReadOnlyUntilReopened() {
        String id = openAsTokyoSupporter();
        as(TOKYO_SUPPORTER).body(Map.of("reason", "CONNECTED_TO_OTHER_AGENCY", "endedOn", "2026-11-24"))
                .when().post("/api/v1/cases/" + id + "/home-visit-end").then().statusCode(200)
                .body("phase", equalTo("FOLLOW_UP")).body("homeVisitEndReason", equalTo("CONNECTED_TO_OTHER_AGENCY"));
        as(TOKYO_SUPPORTER).body(Map.of("reason", "EMPLOYED"))
                .when().post("/api/v1/cases/" + id + "/home-visit-end").then().statusCode(409);
        as(TOKYO_SUPPORTER).body(Map.of("reason", "支援目標を達成")).when().post("/api/v1/cases/" + id + "/closure")
                .then().statusCode(403);
        as(TOKYO_SUPERVISOR).body(Map.of("reason", "支援目標を達成")).when().post("/api/v1/cases/" + id + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        as(TOKYO_SUPPORTER).body(Map.of("to", "OUTREACH", "reason", "x"))
                .when().post("/api/v1/cases/" + id + "/phase-transitions").then().statusCode(409);
        as(TOKYO_SUPPORTER).body(Map.of("reason", "再び連絡があった")).when().post("/api/v1/cases/" + id + "/reopening")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("phase", equalTo("FOLLOW_UP"));
        List<EventReader.Record> events = EventReader.forSubject("case-events", id, 5, Duration.ofSeconds(20));
        assertThat(events).extracting(r -> r.header("ce_type")).contains("case.home-visits-ended.v1",
                "case.phase-changed.v1", "case.closed.v1", "case.reopened.v1");
    }
}
