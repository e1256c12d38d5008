package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER_2;
import static jp.tsunagu.cases.CaseFixtures.open;
import static jp.tsunagu.cases.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class CaseOpeningTest {

    @Test
    void aSupporterOpensACaseFromAFamilyConsultation() {
        Response opened = open(TOKYO_SUPPORTER, openCase());
        opened.then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", matchesPattern(".*/api/v1/cases/[0-9a-f-]{36}"))
                .body("caseNumber", matchesPattern("C-2026-\\d{6}"))
                .body("centerId", equalTo("tokyo"))
                .body("phase", equalTo("ASSESSMENT"))
                .body("status", equalTo("OPEN"))
                .body("subject.familyName", equalTo("佐藤"))
                .body("subject.interests", hasItem("鉄道模型"))
                .body("intake.consultant.relation", equalTo("MOTHER"))
                .body("intake", not(hasKey("inboundReferralId")))
                .body("household[0].keyPerson", equalTo(true))
                .body("openedAt", matchesPattern(".*\\+09:00"));
        String id = opened.path("id");

        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).body("id", equalTo(id)).header("ETag", "\"0\"");

        List<EventReader.Record> events = EventReader.forSubject("case-events", id, 1, Duration.ofSeconds(20));
        assertThat(events).extracting(r -> r.header("ce_type")).contains("case.opened.v1");
        assertThat(events.get(0).value()).doesNotContain("佐藤").doesNotContain("サトウ").doesNotContain("息子");
        assertThat(JsonPath.from(events.get(0).value()).getString("inboundReferralId")).isNull();
    }

    @Test
    void aCaseOpenedFromAnInboundReferralKeepsTheLinkAndTellsIt() {
        UUID inboundReferral = UUID.randomUUID();
        Response opened = open(TOKYO_SUPPORTER, openedFromInboundReferral(inboundReferral.toString()));
        opened.then().statusCode(201)
                .body("intake.channel", equalTo("REFERRAL"))
                .body("intake.inboundReferralId", equalTo(inboundReferral.toString()));
        String id = opened.path("id");

        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).body("intake.inboundReferralId", equalTo(inboundReferral.toString()));

        List<EventReader.Record> events = EventReader.forSubject("case-events", id, 1, Duration.ofSeconds(20));
        EventReader.Record caseOpened = events.stream().filter(r -> "case.opened.v1".equals(r.header("ce_type")))
                .findFirst().orElseThrow();
        JsonPath data = JsonPath.from(caseOpened.value());
        assertThat(data.getString("inboundReferralId")).isEqualTo(inboundReferral.toString());
        assertThat(data.getString("intakeChannel")).isEqualTo("REFERRAL");
    }

    @Test
    void anInboundReferralIdThatIsNoUuidIsRefused() {
        open(TOKYO_SUPPORTER, openedFromInboundReferral("referral-42")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** An opening whose intake came as an inbound referral of referral-service. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> openedFromInboundReferral(String inboundReferralId) {
        Map<String, Object> body = new HashMap<>(openCase());
        Map<String, Object> intake = new HashMap<>((Map<String, Object>) body.get("intake"));
        intake.put("channel", "REFERRAL");
        intake.put("inboundReferralId", inboundReferralId);
        body.put("intake", intake);
        return body;
    }

    @Test
    void aRetriedOpeningWithTheSameKeyOpensOnce() {
        java.util.Map<String, Object> body = openCase();
        String key = java.util.UUID.randomUUID().toString();
        Response first = given().auth().oauth2(TOKYO_SUPPORTER.token()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/v1/cases");
        Response retry = given().auth().oauth2(TOKYO_SUPPORTER.token()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/v1/cases");
        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id"))).body("caseNumber", equalTo(first.path("caseNumber")));
    }

    @Test
    void caseNumbersHaveNoGapsOrDuplicatesUnderConcurrentOpening() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> numbers = new ArrayList<>();
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> open(OSAKA_SUPERVISOR, openCase()).then().statusCode(201).extract().path("caseNumber"));
            }
            for (Future<String> future : pool.invokeAll(calls)) {
                numbers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(7))).sorted().toList();
        assertThat(sequence).doesNotHaveDuplicates();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(sequence.size() - 1);
    }

    @Test
    void anotherCenterSeesNothingOfTheCase() {
        String id = open(TOKYO_SUPPORTER, openCase()).then().statusCode(201).extract().path("id");
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).when().get("/api/v1/cases/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).when().get("/api/v1/cases?limit=200")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void aSupporterNotOnTheTeamSeesNothingButTheSupervisorDoes() {
        String id = open(TOKYO_SUPPORTER, openCase()).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKYO_SUPPORTER_2.token()).when().get("/api/v1/cases/" + id).then().statusCode(404);
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + id).then().statusCode(200);
    }

    @Test
    void kanaIsFoldedForDuplicatesAcrossWidthAndScript() {
        open(TOKYO_SUPPORTER, openCase("ｻﾄｳ", "ｼﾞﾛｳ", "1988-02-03")).then().statusCode(201);

        given().auth().oauth2(TOKYO_SUPERVISOR.token())
                .queryParam("familyNameKana", "さとう").queryParam("givenNameKana", "じろう").queryParam("birthYear", 1988)
                .when().get("/api/v1/cases/potential-duplicates")
                .then().statusCode(200)
                .body("items[0].familyNameKana", equalTo("ｻﾄｳ"))
                .body("items[0].matchedOn", hasItem("BIRTH_YEAR"));

        given().auth().oauth2(TOKYO_SUPERVISOR.token())
                .queryParam("familyNameKana", "サトウ").queryParam("givenNameKana", "ジロウ").queryParam("birthDate", "1988-02-04")
                .when().get("/api/v1/cases/potential-duplicates")
                .then().statusCode(200).body("items.size()", equalTo(0));

        open(TOKYO_SUPPORTER, openCase("さとう", "じろう", "1988-02-03")).then().statusCode(201)
                .body("warnings[0].matchedOn", hasItem("BIRTH_DATE"));
    }

    @Test
    void theListFindsByNameOrKanaInEitherWidth() {
        Map<String, Object> body = openCase("ﾀｶﾊｼ", "ﾕｳｷ", null);
        String id = open(TOKYO_SUPERVISOR, body).then().statusCode(201).extract().path("id");
        for (String q : List.of("たかは", "タカハシユ", "ﾀｶﾊｼ", "佐藤太")) {
            given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("q", q).queryParam("limit", 200)
                    .when().get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(id));
        }
    }

    @Test
    void aPeerSeesTheCaseWithoutItsSensitiveParts() {
        // the peer is put on the team by a supervisor
        String id = open(TOKYO_SUPERVISOR, openCase()).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("members", List.of(
                        Map.of("kind", "STAFF", "userId", TOKYO_SUPERVISOR.subject(), "role", "PRIMARY"),
                        Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PEER"))))
                .when().put("/api/v1/cases/" + id + "/team").then().statusCode(200);

        given().auth().oauth2(TOKYO_PEER.token()).when().get("/api/v1/cases/" + id)
                .then().statusCode(200)
                .body("subject.familyName", notNullValue())
                .body("subject.interests", notNullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("intake")))
                .body("$", not(org.hamcrest.Matchers.hasKey("crisisUrgency")))
                .body("subject", not(org.hamcrest.Matchers.hasKey("address")))
                .body("subject", not(org.hamcrest.Matchers.hasKey("birthDate")))
                .body("household[0]", not(org.hamcrest.Matchers.hasKey("health")));
    }

    @Test
    void editingNeedsTheCurrentVersionAndKeepsItValid() {
        Response opened = open(TOKYO_SUPPORTER, openCase());
        String id = opened.path("id");
        String path = "/api/v1/cases/" + id;

        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("subject", Map.of("address", "東京都渋谷区")))
                .when().patch(path).then().statusCode(428);
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body(Map.of("subject", Map.of("address", "東京都渋谷区", "interests", List.of("釣り"))))
                .when().patch(path).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("subject.address", equalTo("東京都渋谷区"))
                .body("subject.interests", equalTo(List.of("釣り")))
                .body("subject.familyName", equalTo("佐藤"));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body(Map.of("subject", Map.of("address", "大阪")))
                .when().patch(path).then().statusCode(412).body("currentVersion", equalTo(1));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("subject", Map.of("familyNameKana", "Sato")))
                .when().patch(path).then().statusCode(400).body("violations[0].field", equalTo("subject.familyNameKana"));
    }
}
