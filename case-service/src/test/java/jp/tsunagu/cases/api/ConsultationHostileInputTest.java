package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.cases.CaseFixtures;
import jp.tsunagu.testkit.HostileInput;
import jp.tsunagu.testkit.HostileInput.Hostile;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;

/**
 * Hostile input on the consultation endpoints, in the way of {@link HostileInputTest}: every request
 * is answered 4xx problem+json naming the field and what was expected, and changes nothing.
 */
@QuarkusTest
class ConsultationHostileInputTest {

    private String caseId;
    private String consultationId;

    private void prepare() {
        caseId = CaseFixtures.openAsTokyoSupporter();
        consultationId = given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json")
                .body(HostileInput.json(valid())).when().post(path("")).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("occurredAt", "2026-11-25T10:00:00+09:00");
        body.put("channel", "EMAIL");
        body.put("with", "FAMILY");
        body.put("relation", "SIBLING");
        body.put("durationMinutes", 20);
        body.put("topics", List.of("MONEY"));
        body.put("notes", "姉からメール");
        return body;
    }

    private String path(String tail) {
        return "/api/v1/cases/" + caseId + "/consultations" + tail;
    }

    private Hostile bad(String name, String field, String json, String expected) {
        return new Hostile(name, TOKYO_SUPPORTER, "POST", path(""), Map.of(), HostileInput.withField(valid(), field, json),
                400, field, expected);
    }

    private Hostile patch(String name, Map<String, String> headers, String body, int status, String field, String expected) {
        return new Hostile(name, TOKYO_SUPPORTER, "PATCH", path("/" + consultationId), headers, body, status, field, expected);
    }

    private List<Hostile> writes() {
        Map<String, String> current = Map.of("If-Match", "\"1\"");
        return List.of(
                bad("NUL in the notes", "notes", "\"a\\u0000b\"", "NUL"),
                bad("number as notes", "notes", "12345", "a string"),
                bad("ordinal for a channel", "channel", "0", "one of PHONE, CENTER_VISIT, EMAIL, ONLINE, OTHER"),
                bad("padded enum", "with", "\" FAMILY \"", "one of SUBJECT, FAMILY, AGENCY, OTHER"),
                bad("ordinal relation", "relation", "1", "one of FATHER, MOTHER"),
                bad("a topic as text", "topics", "\"MONEY\"", "an array"),
                bad("absurd timestamp", "occurredAt", "\"+999999999-12-31T00:00:00+09:00\"", "a timestamp with offset"),
                bad("timestamp without offset", "occurredAt", "\"2026-11-25T10:00:00\"", "a timestamp with offset"),
                bad("minutes as text", "durationMinutes", "\"sixty\"", "a whole number"),
                bad("minutes beyond the type", "durationMinutes", "1099511627776", "within the range"),
                bad("negative minutes", "durationMinutes", "-1", "greater than or equal to 0"),
                bad("duplicate key", "notes", "\"a\", \"notes\": \"b\"", "more than once"),
                patch("version over 2^32", Map.of("If-Match", "\"4294967297\""), "{\"durationMinutes\": 5}", 412, null, null),
                patch("not an ETag", Map.of("If-Match", "1"), "{\"durationMinutes\": 5}", 400, "If-Match", "ETag"),
                patch("an array for a patch", current, "[]", 400, "body", "JSON object"),
                patch("NUL in a patched note", current, "{\"notes\": \"x\\u0000\"}", 400, "notes", "NUL"),
                patch("removing the channel", current, "{\"channel\": null}", 400, "channel", "must not be null"));
    }

    private List<Hostile> reads() {
        return List.of(
                new Hostile("foreign cursor", TOKYO_SUPPORTER, "GET", path("?cursor=eA"), Map.of(), null, 400, "cursor",
                        "not a cursor"),
                new Hostile("limit 0", TOKYO_SUPPORTER, "GET", path("?limit=0"), Map.of(), null, 400, "limit", "between 1 and 200"),
                new Hostile("limit not a number", TOKYO_SUPPORTER, "GET", path("?limit=abc"), Map.of(), null, 400, "limit",
                        "a whole number"));
    }

    /** All a supervisor sees of the case's consultations. */
    private String snapshot() {
        return Stream.of("", "/" + consultationId, "/" + consultationId + "/revisions")
                .map(tail -> given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get(path(tail)).then()
                        .statusCode(200).extract().asString())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void hostileWritesAreRefusedAndChangeNothing() {
        prepare();
        HostileInput.expectRefused(writes(), this::snapshot);
    }

    @Test
    void hostileReadsAreRefusedWithWhatWasExpected() {
        prepare();
        HostileInput.expectRefused(reads());
    }
}
