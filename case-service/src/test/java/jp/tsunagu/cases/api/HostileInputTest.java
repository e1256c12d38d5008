package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.cases.CaseFixtures;
import jp.tsunagu.testkit.HostileInput;
import jp.tsunagu.testkit.HostileInput.Hostile;
import jp.tsunagu.testkit.RawHttp;
import jp.tsunagu.testkit.TestTokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input an attacker (or a broken client) sends, fed to the real endpoints: every request must be
 * answered 4xx problem+json naming what is wrong, never a 500 or an empty body, and a refused write
 * must leave the case exactly as it was. {@code {case}}, {@code {concern}} stand for a prepared case.
 */
@QuarkusTest
class HostileInputTest {

    private static final String JSON = "application/json";
    private static final String MERGE = "application/merge-patch+json";
    private static String caseId;
    private static String concernId;

    /**
     * A case with something in every part, so that a write that should have been refused would show;
     * made once, by the first test that needs it (RestAssured knows the port only inside a test).
     */
    private static synchronized void prepare() {
        if (caseId != null) {
            return;
        }
        caseId = CaseFixtures.openAsTokyoSupporter();
        concernId = as(TOKYO_SUPPORTER).body(Map.of("kind", "TROUBLE", "category", "HEALTH", "raisedBy", "SUBJECT",
                "description", "歯が痛い")).when().post(path("/concerns")).then().statusCode(201).extract().path("id");
        as(TOKYO_SUPPORTER).header("If-None-Match", "*").body(Map.of("goal", "居場所につながる", "reason", "初回"))
                .when().put(path("/plan")).then().statusCode(201);
        as(TOKYO_SUPPORTER).header("If-None-Match", "*").body(Map.of("contacts", List.of(Map.of("name", "保健所",
                        "phone", "03-1234-5678")), "instructions", "避難して110番"))
                .when().put(path("/crisis-plan")).then().statusCode(201);
        as(TOKYO_SUPPORTER).body(Map.of("kind", "ACCEPTED_VISITS", "reachedOn", "2026-11-01"))
                .when().post(path("/milestones")).then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType(JSON);
    }

    private static String path(String tail) {
        return "/api/v1/cases/" + caseId + tail;
    }

    private static String assessment(String field, String json) {
        Map<String, String> fields = new HashMap<>(Map.of("assessedOn", "\"2026-11-21\"", "withdrawalDegree", "\"STAYS_HOME\"",
                "mentalState", "{\"suspectedUntreatedIllness\": false}", "familyCapacity", "{\"level\": \"WEAK\"}",
                "crisisUrgency", "\"NONE\""));
        fields.put(field, json);
        return object(fields);
    }

    private static String openCase(String subjectField, String json) {
        Map<String, String> subject = new HashMap<>(Map.of("familyName", "\"佐藤\"", "givenName", "\"太郎\"",
                "familyNameKana", "\"サトウ\"", "givenNameKana", "\"タロウ\"", "withdrawalSince", "\"2019-04\""));
        subject.put(subjectField, json);
        return "{\"intake\": {\"receivedAt\": \"2026-11-20T10:00:00+09:00\", \"channel\": \"PHONE\","
                + " \"consultant\": {\"relation\": \"MOTHER\"}}, \"subject\": " + object(subject) + "}";
    }

    private static String object(Map<String, String> members) {
        return members.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A row; a path not under /api/ is the prepared case's. */
    private static Hostile row(String name, TestTokens.Builder caller, String method, String path, Map<String, String> headers,
                               String body, int status, String field, String expected) {
        return new Hostile(name, caller, method, path.startsWith("/api/") ? path : path(path), headers, body, status, field,
                expected);
    }

    private static Hostile bad(String name, String method, String path, String body, String field, String expected) {
        return row(name, TOKYO_SUPPORTER, method, path, Map.of(), body, 400, field, expected);
    }

    private static List<Hostile> writes(String caseEtag, String concernEtag) {
        String concern = "{\"kind\": \"WISH\", \"category\": \"HOBBY\", \"raisedBy\": \"SUBJECT\", \"description\": %s}";
        return List.of(
                bad("NUL in a name", "POST", "/api/v1/cases", openCase("familyName", "\"佐\\u0000藤\""), "subject.familyName", "NUL"),
                bad("NUL in a concern", "POST", "/concerns", concern.formatted("\"a\\u0000\""), "description", "NUL"),
                bad("number as text", "POST", "/concerns", concern.formatted("12345"), "description", "a string"),
                bad("ordinal for an enum", "POST", "/concerns", concern.formatted("null").replace("\"WISH\"", "0"), "kind",
                        "one of WISH, TROUBLE"),
                bad("padded enum", "POST", "/concerns", concern.formatted("null").replace("\"WISH\"", "\" TROUBLE \""), "kind",
                        "one of WISH, TROUBLE"),
                bad("duplicate key", "POST", "/concerns", concern.formatted("\"a\", \"description\": \"b\""), "description",
                        "more than once"),
                bad("trailing document", "POST", "/concerns", concern.formatted("\"a\"") + " {}", "body", "nothing after it"),
                bad("number as a date", "POST", "/assessments", assessment("assessedOn", "12345"), "assessedOn", "a date YYYY-MM-DD"),
                bad("year +999999999", "POST", "/assessments", assessment("assessedOn", "\"+999999999-12-31\""), "assessedOn", "a date"),
                bad("year -999999999", "POST", "/assessments", assessment("assessedOn", "\"-999999999-01-01\""), "assessedOn", "a date"),
                bad("year 0000", "POST", "/assessments", assessment("assessedOn", "\"0000-01-01\""), "assessedOn", "a date"),
                bad("year -0001", "POST", "/assessments", assessment("assessedOn", "\"-0001-01-01\""), "assessedOn", "a date"),
                bad("text for an object", "POST", "/assessments", assessment("familyCapacity", "\"STRONG\""), "familyCapacity",
                        "an object {level, notes}"),
                bad("ordinal in an object", "POST", "/assessments", assessment("familyCapacity", "{\"level\": 0}"),
                        "familyCapacity.level", "one of STRONG, ADEQUATE, WEAK, ABSENT"),
                bad("text for a boolean", "POST", "/assessments",
                        assessment("mentalState", "{\"suspectedUntreatedIllness\": \"yes\"}"), "mentalState.suspectedUntreatedIllness",
                        "true or false"),
                bad("absurd timestamp", "POST", "/crises", "{\"occurredAt\": \"+999999999-12-31T00:00:00+09:00\", \"kinds\":"
                        + " [\"VIOLENCE\"], \"actions\": []}", "occurredAt", "a timestamp with offset"),
                bad("year 0000 milestone", "POST", "/milestones", "{\"kind\": \"OTHER\", \"reachedOn\": \"0000-01-01\"}",
                        "reachedOn", "a date"),
                bad("withdrawal since year 0000", "POST", "/api/v1/cases", openCase("withdrawalSince", "\"0000-01\""),
                        "subject.withdrawalSince", "a month YYYY-MM"),
                bad("withdrawal since in the future", "POST", "/api/v1/cases", openCase("withdrawalSince", "\"2199-01\""),
                        "subject.withdrawalSince", "past"),
                bad("birth date before 1900", "POST", "/api/v1/cases", openCase("birthDate", "\"1850-01-01\""),
                        "subject.birthDate", "a date"),
                bad("ordinal phase", "POST", "/phase-transitions", "{\"to\": 0, \"reason\": \"r\"}", "to", "one of ASSESSMENT"),
                row("patch with a number as a date", TOKYO_SUPPORTER, "PATCH", "", Map.of("If-Match", caseEtag),
                        "{\"subject\": {\"birthDate\": 12345}}", 400, "subject.birthDate", "a date"),
                row("patch removing a concern's status", TOKYO_SUPPORTER, "PATCH", "/concerns/" + concernId,
                        Map.of("If-Match", concernEtag), "{\"status\": null}", 400, "status", "one of OPEN, IN_PROGRESS"),
                row("plan version over 2^32", TOKYO_SUPPORTER, "PUT", "/plan", Map.of("If-Match", "\"4294967297\""),
                        "{\"goal\": \"g\", \"reason\": \"r\"}", 412, null, null),
                row("crisis plan with year -0001", TOKYO_SUPPORTER, "PUT", "/crisis-plan", Map.of("If-Match", "\"1\""),
                        "{\"contacts\": [{\"name\": \"n\", \"phone\": \"110\"}], \"instructions\": \"i\","
                                + " \"sharedWithFamilyOn\": \"-0001-01-01\"}", 400, "sharedWithFamilyOn", "a date"),
                row("NUL in a team member", TOKYO_SUPERVISOR, "PUT", "/team", Map.of("If-Match", "\"0\""),
                        "{\"members\": [{\"kind\": \"STAFF\", \"userId\": \"a\\u0000\", \"role\": \"PRIMARY\"}]}", 400,
                        "members[0].userId", "NUL"),
                bad("NUL in a conference's decisions", "POST", "/conferences", "{\"heldOn\": \"2026-11-20\", \"attendees\":"
                        + " {\"userIds\": [], \"agencyIds\": []}, \"decisions\": \"a\\u0000\"}", "decisions", "NUL"),
                bad("conference held in year 0000", "POST", "/conferences", "{\"heldOn\": \"0000-01-01\", \"attendees\":"
                        + " {\"userIds\": [], \"agencyIds\": []}}", "heldOn", "a date"),
                bad("ordinal for a plan's goal", "POST", "/conferences", "{\"heldOn\": \"2026-11-20\", \"attendees\":"
                        + " {\"userIds\": [], \"agencyIds\": []}, \"plan\": {\"goal\": 0, \"reason\": \"r\"}}", "plan.goal",
                        "a string"));
    }

    private static List<Hostile> reads() {
        return List.of(
                bad("NUL in q", "GET", "/api/v1/cases?q=%00", null, "q", "NUL"),
                bad("foreign cursor on the list", "GET", "/api/v1/cases?cursor=eA", null, "cursor", "not a cursor"),
                bad("foreign cursor on the timeline", "GET", "/timeline?cursor=eA", null, "cursor", "not a cursor"),
                row("foreign cursor on the access log", TOKYO_SUPERVISOR, "GET", "/access-log?cursor=eA", Map.of(),
                        null, 400, "cursor", "not a cursor"),
                bad("foreign token on the changes", "GET", "/api/v1/cases/changes?since=eA", null, "since", "not a token"),
                bad("ordinal phase filter", "GET", "/api/v1/cases?phase=0", null, "phase", "one of ASSESSMENT"),
                bad("limit not a number", "GET", "/api/v1/cases?limit=abc", null, "limit", "a whole number"),
                bad("crisis=yes", "GET", "/api/v1/cases?crisis=yes", null, "crisis", "true or false"),
                bad("birth date year 0000", "GET", "/api/v1/cases/potential-duplicates?familyNameKana=%E3%82%A2"
                        + "&givenNameKana=%E3%82%A2&birthDate=0000-01-01", null, "birthDate", "a date"),
                row("stats from +999999999", TOKYO_SUPERVISOR, "GET", "/api/v1/stats?from=%2B999999999-12-31&to=2026-11-30",
                        Map.of(), null, 400, "from", "a date"),
                row("stats from -999999999", TOKYO_SUPERVISOR, "GET", "/api/v1/stats?from=-999999999-01-01&to=2026-11-30",
                        Map.of(), null, 400, "from", "a date"),
                bad("reviewDue=yes", "GET", "/api/v1/cases?reviewDue=yes", null, "reviewDue", "true or false"),
                bad("inquiries from year 0000", "GET", "/api/v1/inquiries?from=0000-01-01", null, "from", "a date"),
                bad("foreign cursor on the inquiries", "GET", "/api/v1/inquiries?cursor=eA", null, "cursor", "not a cursor"),
                row("report to +999999999", TOKYO_SUPERVISOR, "GET", "/api/v1/reports/activity?from=2026-01-01"
                        + "&to=%2B999999999-12-31", Map.of(), null, 400, "to", "a date"),
                row("a 10 KB query", TOKYO_SUPPORTER, "GET", "/api/v1/cases?q=" + "a".repeat(10_000), Map.of(), null,
                        414, null, null));
    }

    /** Everything a supervisor can read of the case: a refused write must leave all of it as it was. */
    private static String snapshot() {
        return Stream.of("", "/concerns", "/plan/revisions", "/assessments", "/milestones", "/crises", "/team",
                        "/crisis-plan", "/phase-transitions", "/conferences", "/consultations", "/timeline?limit=200")
                .map(tail -> given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(path(tail)).then()
                        .statusCode(200).extract().asString())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void hostileWritesAreRefusedAndChangeNothing() {
        prepare();
        String caseEtag = given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get(path("")).then().extract().header("ETag");
        String concernEtag = "\"0\"";
        HostileInput.expectRefused(writes(caseEtag, concernEtag), HostileInputTest::snapshot);
    }

    @Test
    void hostileReadsAreRefusedWithWhatWasExpected() {
        prepare();
        HostileInput.expectRefused(reads());
    }

    @Test
    void hostileBytesOnTheWireAreRefusedAndChangeNothing() {
        prepare();
        String before = snapshot();
        Map<String, String> json = Map.of("Authorization", "Bearer " + TOKYO_SUPPORTER.token(), "Content-Type", JSON);
        String concern = "{\"kind\": \"WISH\", \"category\": \"HOBBY\", \"raisedBy\": \"SUBJECT\", \"description\": \"%s\"}";

        RawHttp.Answer chunked = RawHttp.chunked("POST", path("/concerns"), json,
                concern.formatted("x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8), 16 * 1024);
        SoftAssertions softly = new SoftAssertions();
        HostileInput.expectProblem(softly, "chunked body over 1 MiB", chunked, 413);
        RawHttp.Answer longPath = RawHttp.send("GET", path("/" + "p".repeat(10_000)), json, null);
        HostileInput.expectProblem(softly, "a 10 KB path", longPath, 414);
        // refused before the application, with a bare 400 no application can replace (see the kit's RequestLimitsTest):
        // broken percent-encoding (Quarkus' URI check) and a NUL in a header (Vert.x' header validation)
        softly.assertThat(RawHttp.send("GET", "/api/v1/cases?q=%zz", json, null).status()).as("broken percent-encoding")
                .isEqualTo(400);
        Map<String, String> nulKey = new HashMap<>(json);
        nulKey.put("Idempotency-Key", "k\u0000");
        softly.assertThat(RawHttp.send("POST", path("/concerns"), nulKey, concern.formatted("鍵")).status())
                .as("NUL in Idempotency-Key").isEqualTo(400);
        softly.assertThat(snapshot()).as("the case afterwards").isEqualTo(before);
        softly.assertAll();
    }

    /** Several supporters write one case at once: each answer is a success or a conflict, never a 500. */
    @Test
    void concurrentWritesToOneCaseAnswerSuccessOrConflict() {
        String id = CaseFixtures.openAsTokyoSupporter();
        List<String> answers = HostileInput.race(6, 8, () -> {
            String caseEtag = given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + id)
                    .then().extract().header("ETag");
            Response plan = given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + id + "/plan");
            String planEtag = plan.statusCode() == 404 ? "\"0\"" : plan.header("ETag");
            return n -> n % 2 == 0
                    ? given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType(MERGE).header("If-Match", caseEtag)
                    .body("{\"subject\": {\"address\": \"東京都新宿区" + n + "\"}}").when().patch("/api/v1/cases/" + id)
                    : given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType(JSON).header("If-Match", planEtag)
                    .body(Map.of("goal", "目標" + n, "reason", "同時")).when().put("/api/v1/cases/" + id + "/plan");
        });
        HostileInput.expectSuccessOrConflict(answers, 48);
    }
}
