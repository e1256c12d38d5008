package jp.tsunagu.referrals.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.HostileInput;
import jp.tsunagu.testkit.HostileInput.Hostile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.referrals.DirectoryFixtures.ADMIN;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPPORTER;
import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.create;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;

/**
 * Input an attacker (or a broken client) sends, fed to the real directory endpoints: every request is
 * answered 4xx problem+json naming what is wrong, never a 2xx, a 500 or an empty body, and a refused
 * write leaves the directory as it was (the prepared agency untouched, none of the new ones added).
 */
@QuarkusTest
class HostileInputTest {

    private static String agencyId;

    /** The ids the refused POSTs would have added. */
    private final List<String> wouldBeAdded = new ArrayList<>();

    /** Made once, by the first test that needs it (RestAssured knows the port only inside a test). */
    private static synchronized void prepare() {
        if (agencyId == null) {
            agencyId = uniqueId("hostile");
            create(agency(agencyId));
        }
    }

    /** A new agency as raw JSON with one field written as given, sent by the admin. */
    private Hostile post(String name, String field, String json, String violationField, String expected) {
        String id = uniqueId("hostile-new");
        wouldBeAdded.add(id);
        return new Hostile(name, ADMIN, "POST", "/api/v1/agencies", Map.of(), HostileInput.withField(agency(id), field, json),
                400, violationField, expected);
    }

    /** A merge patch of the prepared agency, sent by the admin. */
    private static Hostile patch(String name, String ifMatch, String body, int status, String field, String expected) {
        return new Hostile(name, ADMIN, "PATCH", "/api/v1/agencies/" + agencyId, Map.of("If-Match", ifMatch), body, status,
                field, expected);
    }

    /** A list query, sent by a supporter. */
    private static Hostile read(String name, String query, String field, String expected) {
        return new Hostile(name, SUPPORTER, "GET", "/api/v1/agencies?" + query, Map.of(), null, 400, field, expected);
    }

    private static String cursorOf(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Hostile> writes(String etag) {
        String trailing = uniqueId("hostile-trailing");
        wouldBeAdded.add(trailing);
        return List.of(
                post("NUL in the name", "name", "\"保健所\\u0000\"", "name", "NUL"),
                post("NUL in a service", "services", "[{\"name\": \"相談\\u0000\"}]", "services[0].name", "NUL"),
                post("NUL in the service area", "serviceArea", "[\"新宿区\", \"\\u0000\"]", "serviceArea[1]", "NUL"),
                post("duplicate key", "kind", "\"POLICE\", \"kind\": \"HOSPITAL\"", "kind", "more than once"),
                post("ordinal kind", "kind", "0", "kind", "one of POLICE, PUBLIC_HEALTH_CENTER"),
                post("padded kind", "kind", "\" POLICE \"", "kind", "one of POLICE"),
                post("number for a name", "name", "5", "name", "a string"),
                post("text for a boolean", "capacity", "{\"acceptingReferrals\": \"true\"}", "capacity.acceptingReferrals",
                        "true or false"),
                post("text for a number", "capacity", "{\"acceptingReferrals\": true, \"availableSlots\": \"3\"}",
                        "capacity.availableSlots", "a whole number"),
                post("fraction for a whole number", "capacity", "{\"acceptingReferrals\": true, \"availableSlots\": 2.5}",
                        "capacity.availableSlots", "a whole number"),
                post("text for an array", "serviceArea", "\"新宿区\"", "serviceArea", "an array"),
                new Hostile("trailing document", ADMIN, "POST", "/api/v1/agencies", Map.of(),
                        HostileInput.json(agency(trailing)) + " {}", 400, "body", "nothing after it"),
                patch("patch with NUL", etag, "{\"notes\": \"\\u0000\"}", 400, "notes", "NUL"),
                patch("patch with an ordinal kind", etag, "{\"kind\": 3}", 400, "kind", "one of POLICE"),
                patch("patch with a duplicate key", etag, "{\"name\": \"a\", \"name\": \"b\"}", 400, "name", "more than once"),
                patch("patch with text for a boolean", etag, "{\"capacity\": {\"acceptingReferrals\": \"false\"}}", 400,
                        "capacity.acceptingReferrals", "true or false"),
                patch("patch with a trailing document", etag, "{\"name\": \"a\"} {}", 400, "body", "nothing after it"),
                patch("patch with a version over 2^32", "\"4294967296\"", "{\"name\": \"a\"}", 412, null, null));
    }

    private static List<Hostile> reads() {
        return List.of(
                read("foreign cursor", "cursor=" + cursorOf("Robert'); drop table agency;--"), "cursor", "not a cursor"),
                read("another list's cursor", "cursor=" + cursorOf("2026-11-25T01:00:00Z\u001f" + new UUID(0, 1)),
                        "cursor", "not a cursor"),
                read("cursor not base64", "cursor=!!!", "cursor", "not a cursor"),
                read("kind as ordinal", "kind=0", "kind", "one of POLICE"),
                read("acceptingReferrals=yes", "acceptingReferrals=yes", "acceptingReferrals", "true or false"),
                read("limit not a number", "limit=abc", "limit", "a whole number"),
                read("NUL in municipality", "municipality=%00", "municipality", "NUL"));
    }

    /** The prepared agency as the admin sees it (webhook and notes included), and the answer for each id a POST would add. */
    private String directory() {
        String prepared = given().auth().oauth2(ADMIN.token()).when().get("/api/v1/agencies/" + agencyId).then()
                .statusCode(200).extract().asString();
        return prepared + wouldBeAdded.stream()
                .map(id -> id + " " + given().auth().oauth2(ADMIN.token()).when().get("/api/v1/agencies/" + id).statusCode())
                .collect(Collectors.joining("\n", "\n", ""));
    }

    @Test
    void hostileWritesAreRefusedAndChangeNothing() {
        prepare();
        String etag = given().auth().oauth2(ADMIN.token()).when().get("/api/v1/agencies/" + agencyId).then().statusCode(200)
                .extract().header("ETag");
        HostileInput.expectRefused(writes(etag), this::directory);
    }

    @Test
    void hostileReadsAreRefusedWithWhatWasExpected() {
        prepare();
        HostileInput.expectRefused(reads());
    }
}
