package jp.tsunagu.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Wrong JSON is refused, never coerced, and the answer names the field by its JSON path and what was
 * expected there, in words derived from the Java type. Each row is one field of the probe's
 * {@code Shapes} body, sent with one wrong value (as raw JSON), and the words the answer must carry.
 */
@QuarkusTest
class StrictInputTest {

    private static final String SUPPORTER = TestTokens.supporter("tokyo");
    private static final String CHANNELS = "one of PHONE, VISIT, EMAIL, REFERRAL, OTHER";

    private static ValidatableResponse post(String json) {
        return given().auth().oauth2(SUPPORTER).contentType("application/json").body(json)
                .when().post("/test/shapes").then();
    }

    static ValidatableResponse refused(ValidatableResponse response, String field, String expected) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            text      | 5                                   | a string
            text      | true                                | a string
            text      | {}                                  | a string
            text      | "a\\u0000b"                         | must not contain the NUL character
            count     | "5"                                 | a whole number
            count     | 1.5                                 | a whole number
            count     | true                                | a whole number
            count     | ""                                  | a whole number
            count     | 99999999999                         | a whole number within the range
            flag      | 1                                   | true or false
            flag      | "true"                              | true or false
            strict    | null                                | true or false
            channel   | 0                                   | one of PHONE, VISIT, EMAIL, REFERRAL, OTHER
            channel   | "0"                                 | one of PHONE, VISIT, EMAIL, REFERRAL, OTHER
            channel   | " PHONE "                           | one of PHONE, VISIT, EMAIL, REFERRAL, OTHER
            channel   | "phone"                             | one of PHONE, VISIT, EMAIL, REFERRAL, OTHER
            channel   | ""                                  | one of PHONE, VISIT, EMAIL, REFERRAL, OTHER
            day       | 12345                               | a date YYYY-MM-DD
            day       | "+999999999-12-31"                  | a date YYYY-MM-DD from 1900-01-01 to 2200-12-31
            day       | "-999999999-01-01"                  | a date YYYY-MM-DD
            day       | "0000-01-01"                        | a date YYYY-MM-DD
            day       | "-0001-01-01"                       | a date YYYY-MM-DD
            day       | "1899-12-31"                        | a date YYYY-MM-DD
            day       | "2201-01-01"                        | a date YYYY-MM-DD
            day       | "2026-11-25T10:00:00"               | a date YYYY-MM-DD
            day       | "2026-2-30"                         | a date YYYY-MM-DD
            day       | [2026, 11, 25]                      | a date YYYY-MM-DD
            at        | 1764032400                          | a timestamp with offset, e.g. 2026-11-25T10:00:00+09:00
            at        | "2026-11-25T10:00:00"               | a timestamp with offset
            at        | "+999999999-12-31T23:59:59+09:00"   | a timestamp with offset
            at        | "0000-01-01T00:00:00Z"              | a timestamp with offset
            month     | "0000-01"                           | a month YYYY-MM
            month     | "2019-4"                            | a month YYYY-MM
            month     | 201904                              | a month YYYY-MM
            ref       | "not-a-uuid"                        | a UUID
            ref       | 5                                   | a UUID
            tags      | "a"                                 | an array
            judgement | "STRONG"                            | an object {level, notes}
            channels  | "PHONE"                             | an array
            """)
    void aWrongValueIsRefusedWithWhatWasExpected(String field, String json, String expected) {
        refused(post("{\"" + field + "\": " + json + "}"), field, expected);
    }

    @Test
    void nestedFieldsAreNamedByTheirPath() {
        refused(post("{\"tags\": [\"ok\", \"a\\u0000\"]}"), "tags[1]", "NUL");
        refused(post("{\"judgement\": {\"level\": \"STRONG\"}}"), "judgement.level", CHANNELS);
        refused(post("{\"judgement\": {\"level\": \"PHONE\", \"notes\": 7}}"), "judgement.notes", "a string");
        refused(post("{\"channels\": [\"PHONE\", 1]}"), "channels[1]", CHANNELS);
    }

    @Test
    void aDuplicateKeyIsRefused() {
        refused(post("{\"text\": \"a\", \"text\": \"b\"}"), "text", "appears more than once");
        refused(post("{\"judgement\": {\"level\": \"PHONE\", \"level\": \"VISIT\"}}"), "judgement.level", "more than once");
    }

    @Test
    void nothingMayFollowTheDocument() {
        refused(post("{\"text\": \"a\"} {\"text\": \"b\"}"), "body", "nothing after it");
        refused(post("{\"text\": \"a\"} 5"), "body", "nothing after it");
        post("{\"text\": \"a\"} x").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonSaysWhere() {
        refused(post("{\"text\": \"a\",\n \"count\": }"), "count", "not valid JSON (line 2");
    }

    @Test
    void validValuesAtTheEdgesOfTheRangesPass() {
        post("""
                {"text": "つなぐ", "count": 3, "flag": false, "strict": true, "channel": "PHONE", "day": "1900-01-01",
                 "at": "2200-12-31T23:59:59+09:00", "month": "2019-04", "ref": "0b6c3d7e-2f59-4c47-9a39-6b1e4b7c2f10",
                 "tags": ["a"], "judgement": {"level": "VISIT", "notes": null}, "channels": ["EMAIL"]}""")
                .statusCode(200).body("day", equalTo("1900-01-01")).body("month", equalTo("2019-04"))
                .body("at", startsWith("2200-12-31T23:59:59"));
        post("{\"day\": \"2200-12-31\", \"at\": \"1900-01-01T00:00:00Z\"}").statusCode(200);
    }

    @Test
    void aMergePatchIsReadAsStrictlyAsABody() {
        refused(given().auth().oauth2(SUPPORTER).contentType("application/merge-patch+json").body("{\"day\": 12345}")
                .when().patch("/test/shapes").then(), "day", "a date YYYY-MM-DD");
        refused(given().auth().oauth2(SUPPORTER).contentType("application/merge-patch+json")
                .body("{\"judgement\": {\"notes\": \"\\u0000\"}}").when().patch("/test/shapes").then(), "judgement.notes", "NUL");
        refused(given().auth().oauth2(SUPPORTER).contentType("application/merge-patch+json")
                .body("{\"text\": \"a\", \"text\": \"b\"}").when().patch("/test/shapes").then(), "text", "more than once");
        refused(given().auth().oauth2(SUPPORTER).contentType("application/merge-patch+json")
                .body("{\"judgement\": {\"level\": null}}").when().patch("/test/shapes").then(), "judgement.level", "null");
        given().auth().oauth2(SUPPORTER).contentType("application/merge-patch+json").body("{\"count\": 2}")
                .when().patch("/test/shapes").then().statusCode(200).body("count", equalTo(2)).body("text", equalTo("つなぐ"));
    }

    @Test
    void anOptimisticLockFailingAtCommitIsAConflict() {
        Map<String, Object> probe = new HashMap<>(Map.of("id", java.util.UUID.randomUUID().toString(), "name", "競合",
                "channel", "PHONE"));
        given().auth().oauth2(SUPPORTER).contentType("application/json").body(probe)
                .when().post("/test/probes").then().statusCode(201);
        given().auth().oauth2(SUPPORTER).contentType("application/json").when()
                .post("/test/shapes/" + probe.get("id") + "/lost-update")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Changed concurrently"));
    }
}
