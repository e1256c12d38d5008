package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.testkit.HostileInput;
import jp.tsunagu.testkit.HostileInput.Hostile;
import jp.tsunagu.testkit.RawHttp;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.visits.VisitFixtures.SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input an attacker (or a broken client) sends, fed to the real visit endpoints: every request is
 * answered 4xx problem+json naming what is wrong, never a 500 or an empty body, and a refused write
 * leaves the visits and the visit plan exactly as they were.
 */
@QuarkusTest
class HostileInputTest {

    private static final String JSON = "application/json";
    private static final String MERGE = "application/merge-patch+json";
    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static String caseId;
    private static String visitId;

    /** Made once, by the first test that needs it (RestAssured knows the port only inside a test). */
    private static synchronized void prepare() {
        if (caseId != null) {
            return;
        }
        caseId = caseWithTeam(SUPPORTER);
        visitId = as(SUPPORTER).body(visit(Map.of())).when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
        as(SUPPORTER).header("If-None-Match", "*").body(Map.of("intervalDays", 14, "proposalRoute", "DIRECT"))
                .when().put("/api/v1/cases/" + caseId + "/visit-plan").then().statusCode(201);
    }

    /** A visit that met nobody, as a map; {@code changes} replace fields. */
    private static Map<String, Object> visit(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("caseId", caseId, "kind", "HOME", "occurredAt", YESTERDAY.toString(),
                "durationMinutes", 5, "visitors", List.of(Map.of("userId", SUPPORTER.subject(), "role", "STAFF")),
                "outcome", "NOT_MET", "notes", "玄関先で母親と話した"));
        body.putAll(changes);
        return body;
    }

    /** The visit as raw JSON with one field written as given. */
    private static String visitWith(String field, String json) {
        return HostileInput.withField(visit(Map.of()), field, json);
    }

    /** A row sent by the supporter; {@code {case}} and {@code {visit}} in the path are the prepared ones. */
    private static Hostile row(String name, String method, String path, Map<String, String> headers, String body, int status,
                               String field, String expected) {
        return new Hostile(name, SUPPORTER, method, path.replace("{case}", caseId).replace("{visit}", visitId), headers, body,
                status, field, expected);
    }

    private static Hostile bad(String name, String method, String path, String body, String field, String expected) {
        return row(name, method, path, Map.of(), body, 400, field, expected);
    }

    private static List<Hostile> writes(String visitEtag) {
        String visitor = "{\"userId\": \"" + SUPPORTER.subject() + "\", \"role\": \"STAFF\"}";
        return List.of(
                bad("NUL in notes", "POST", "/api/v1/visits", visitWith("notes", "\"a\\u0000\""), "notes", "NUL"),
                bad("NUL in a topic", "POST", "/api/v1/visits", visitWith("topics", "[\"ok\", \"\\u0000\"]"), "topics[1]", "NUL"),
                bad("NUL in a visitor", "POST", "/api/v1/visits",
                        visitWith("visitors", "[{\"userId\": \"u\\u0000\", \"role\": \"STAFF\"}]"), "visitors[0].userId", "NUL"),
                bad("absurd timestamp", "POST", "/api/v1/visits", visitWith("occurredAt", "\"+999999999-12-31T00:00:00+09:00\""),
                        "occurredAt", "a timestamp with offset"),
                bad("year 0000", "POST", "/api/v1/visits", visitWith("occurredAt", "\"0000-01-01T00:00:00Z\""),
                        "occurredAt", "a timestamp with offset"),
                bad("number as a timestamp", "POST", "/api/v1/visits", visitWith("occurredAt", "1764032400"),
                        "occurredAt", "a timestamp with offset, e.g. 2026-11-25T10:00:00+09:00"),
                bad("timestamp without offset", "POST", "/api/v1/visits", visitWith("occurredAt", "\"2026-11-24T10:00:00\""),
                        "occurredAt", "a timestamp with offset"),
                bad("ordinal kind", "POST", "/api/v1/visits", visitWith("kind", "0"), "kind", "one of HOME, OUTING"),
                bad("padded outcome", "POST", "/api/v1/visits", visitWith("outcome", "\" NOT_MET \""), "outcome", "one of MET_SUBJECT"),
                bad("text for a number", "POST", "/api/v1/visits", visitWith("durationMinutes", "\"30\""), "durationMinutes",
                        "a whole number"),
                bad("text for a boolean", "POST", "/api/v1/visits", visitWith("timeAloneWithSubject", "\"true\""),
                        "timeAloneWithSubject", "true or false"),
                bad("text for an array", "POST", "/api/v1/visits", visitWith("visitors", "\"me\""), "visitors", "an array"),
                bad("text for an object", "POST", "/api/v1/visits", visitWith("visitors", "[\"me\"]"), "visitors[0]",
                        "an object {userId, role}"),
                bad("absurd next visit", "POST", "/api/v1/visits",
                        visitWith("nextVisit", "{\"consent\": \"AGREED\", \"at\": \"-999999999-01-01T00:00:00Z\"}"), "nextVisit.at",
                        "a timestamp"),
                bad("duplicate key", "POST", "/api/v1/visits", visitWith("kind", "\"HOME\", \"kind\": \"OUTING\""), "kind",
                        "more than once"),
                bad("trailing document", "POST", "/api/v1/visits", visitWith("kind", "\"HOME\"") + " []", "body",
                        "nothing after it"),
                bad("plan interval as text", "PUT", "/api/v1/cases/{case}/visit-plan", "{\"intervalDays\": \"7\"}", "intervalDays",
                        "a whole number"),
                bad("plan route as ordinal", "PUT", "/api/v1/cases/{case}/visit-plan",
                        "{\"intervalDays\": 7, \"proposalRoute\": 0}", "proposalRoute", "one of FAMILY_PROPOSAL"),
                row("patch with NUL", "PATCH", "/api/v1/visits/{visit}", Map.of("If-Match", visitEtag),
                        "{\"notes\": \"\\u0000\"}", 400, "notes", "NUL"),
                row("patch with a number as a timestamp", "PATCH", "/api/v1/visits/{visit}", Map.of("If-Match", visitEtag),
                        "{\"occurredAt\": 12345}", 400, "occurredAt", "a timestamp"),
                row("patch with a version over 2^32", "PATCH", "/api/v1/visits/{visit}",
                        Map.of("If-Match", "\"4294967296\""), "{\"notes\": \"n\"}", 412, null, null),
                row("plan version over 2^32", "PUT", "/api/v1/cases/{case}/visit-plan",
                        Map.of("If-Match", "\"4294967297\""), "{\"intervalDays\": 7}", 412, null, null),
                row("visitor as text in a list", "POST", "/api/v1/visits", Map.of(),
                        visitWith("visitors", "[" + visitor + ", 5]"), 400, "visitors[1]", "an object"));
    }

    private static List<Hostile> reads() {
        return List.of(
                bad("from +999999999", "GET", "/api/v1/visits?from=%2B999999999-12-31T00:00:00%2B09:00", null, "from", "a timestamp"),
                bad("to -999999999", "GET", "/api/v1/visits?to=-999999999-01-01T00:00:00Z", null, "to", "a timestamp"),
                bad("from without offset", "GET", "/api/v1/visits?from=2026-11-25T10:00:00", null, "from", "a timestamp with offset"),
                bad("foreign cursor on visits", "GET", "/api/v1/visits?cursor=eA", null, "cursor", "not a cursor"),
                bad("foreign cursor on the cadence", "GET", "/api/v1/cadence?cursor=eA", null, "cursor", "not a cursor"),
                bad("foreign token on the changes", "GET", "/api/v1/visits/changes?since=eA", null, "since", "not a token"),
                bad("case id not a UUID", "GET", "/api/v1/visits?caseId=abc", null, "caseId", "a UUID"),
                bad("status as ordinal", "GET", "/api/v1/visits?status=0", null, "status", "one of"),
                bad("NUL in visitor", "GET", "/api/v1/visits?visitor=%00", null, "visitor", "NUL"),
                bad("limit not a number", "GET", "/api/v1/visits?limit=abc", null, "limit", "a whole number"),
                bad("schedule from +999999999", "GET", "/api/v1/schedule?from=%2B999999999-12-31T00:00:00%2B09:00", null, "from",
                        "a timestamp"),
                bad("overdue=yes", "GET", "/api/v1/cadence?overdue=yes", null, "overdue", "true or false"),
                row("a 10 KB query", "GET", "/api/v1/visits?visitor=" + "a".repeat(10_000), Map.of(), null, 414, null, null));
    }

    /** The visits of the case, the prepared one with its history, and the visit plan. */
    private static String snapshot() {
        return Stream.of("/api/v1/visits/" + visitId, "/api/v1/visits/" + visitId + "/revisions",
                        "/api/v1/visits?caseId=" + caseId, "/api/v1/cases/" + caseId + "/visit-plan")
                .map(path -> given().auth().oauth2(SUPERVISOR.token()).when().get(path).then().statusCode(200)
                        .extract().asString())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void hostileWritesAreRefusedAndChangeNothing() {
        prepare();
        String visitEtag = as(SUPPORTER).when().get("/api/v1/visits/" + visitId).then().extract().header("ETag");
        HostileInput.expectRefused(writes(visitEtag), HostileInputTest::snapshot);
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
        Map<String, String> json = Map.of("Authorization", "Bearer " + SUPPORTER.token(), "Content-Type", JSON);
        SoftAssertions softly = new SoftAssertions();
        RawHttp.Answer chunked = RawHttp.chunked("POST", "/api/v1/visits", json,
                HostileInput.json(visit(Map.of("notes", "x".repeat(1_100_000)))).getBytes(StandardCharsets.UTF_8), 16 * 1024);
        HostileInput.expectProblem(softly, "chunked body over 1 MiB", chunked, 413);
        RawHttp.Answer longPath = RawHttp.send("GET", "/api/v1/visits/" + "p".repeat(10_000), json, null);
        HostileInput.expectProblem(softly, "a 10 KB path", longPath, 414);
        // refused before the application, with a bare 400 no application can replace (see the kit's RequestLimitsTest):
        // broken percent-encoding (Quarkus' URI check) and a NUL in a header (Vert.x' header validation)
        softly.assertThat(RawHttp.send("GET", "/api/v1/visits?visitor=%zz", json, null).status()).as("broken percent-encoding")
                .isEqualTo(400);
        Map<String, String> nul = new HashMap<>(json);
        nul.put("X-Client", "phone\u0000");
        softly.assertThat(RawHttp.send("POST", "/api/v1/visits", nul, HostileInput.json(visit(Map.of()))).status())
                .as("NUL in a header").isEqualTo(400);
        softly.assertThat(snapshot()).as("the visits afterwards").isEqualTo(before);
        softly.assertAll();
    }

    /** Several supporters correct one visit and set one plan at once: success or conflict, never a 500. */
    @Test
    void concurrentWritesToOneVisitAnswerSuccessOrConflict() {
        prepare();
        String id = as(SUPPORTER).body(visit(Map.of())).when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
        String otherCase = caseWithTeam(SUPPORTER);
        List<String> answers = HostileInput.race(6, 8, () -> {
            String visitEtag = as(SUPPORTER).when().get("/api/v1/visits/" + id).then().extract().header("ETag");
            Response plan = as(SUPPORTER).when().get("/api/v1/cases/" + otherCase + "/visit-plan");
            String planEtag = plan.statusCode() == 404 ? "\"0\"" : plan.header("ETag");
            return n -> n % 2 == 0
                    ? given().auth().oauth2(SUPPORTER.token()).contentType(MERGE).header("If-Match", visitEtag)
                    .body("{\"notes\": \"訂正" + n + "\"}").when().patch("/api/v1/visits/" + id)
                    : as(SUPPORTER).header("If-Match", planEtag).body(Map.of("intervalDays", 7 + n))
                    .when().put("/api/v1/cases/" + otherCase + "/visit-plan");
        });
        HostileInput.expectSuccessOrConflict(answers, 48);
    }
}
