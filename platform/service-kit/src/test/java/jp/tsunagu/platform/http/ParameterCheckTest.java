package jp.tsunagu.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Query and header parameters are read as strictly as bodies; cursors this API did not give out are 400s. */
@QuarkusTest
class ParameterCheckTest {

    private static final String SUPPORTER = TestTokens.supporter("tokyo");

    /** {@code query} is sent as written (already percent-encoded). */
    private static ValidatableResponse get(String path, String query) {
        return given().urlEncodingEnabled(false).auth().oauth2(SUPPORTER).when().get(path + "?" + query).then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, String field, String expected) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            day=%2B999999999-12-31                 | day     | a date YYYY-MM-DD from 1900-01-01 to 2200-12-31
            day=-999999999-01-01                   | day     | a date YYYY-MM-DD
            day=0000-01-01                         | day     | a date YYYY-MM-DD
            day=2026-11-25T10:00:00%2B09:00        | day     | a date YYYY-MM-DD
            at=%2B999999999-12-31T23:59:59%2B09:00 | at      | a timestamp with offset
            at=2026-11-25T10:00:00                 | at      | a timestamp with offset
            at=2026-11-25T10:00:00+09:00           | at      | write + as %2B in a query
            count=abc                              | count   | a whole number
            count=99999999999                      | count   | a whole number
            count=1.5                              | count   | a whole number
            flag=yes                               | flag    | true or false
            channel=0                              | channel | one of PHONE, VISIT, EMAIL, REFERRAL, OTHER
            channel=phone                          | channel | one of PHONE, VISIT, EMAIL, REFERRAL, OTHER
            ref=xyz                                | ref     | a UUID
            """)
    void aWrongQueryParameterIsRefusedWithWhatWasExpected(String query, String field, String expected) {
        refused(get("/test/shapes", query), field, expected);
    }

    @Test
    void aWrongHeaderParameterIsRefusedToo() {
        refused(given().auth().oauth2(SUPPORTER).header("X-Probe-Day", "0000-01-01").when().get("/test/shapes").then(),
                "X-Probe-Day", "a date YYYY-MM-DD");
    }

    @Test
    void everyWrongParameterIsListed() {
        get("/test/shapes", "count=x&flag=1&day=1").statusCode(400).body("violations", hasSize(3));
    }

    @Test
    void rightParametersPass() {
        get("/test/shapes", "q=%E3%81%A4&count=-3&flag=true&channel=VISIT&day=2200-12-31&at=2026-11-25T10:00:00%2B09:00"
                + "&ref=0b6c3d7e-2f59-4c47-9a39-6b1e4b7c2f10")
                .statusCode(200).body("q", equalTo("つ")).body("count", equalTo(-3)).body("flag", equalTo(true))
                .body("channel", equalTo("VISIT")).body("day", equalTo("2200-12-31"));
    }

    @Test
    void authenticationComesBeforeParameters() {
        given().urlEncodingEnabled(false).when().get("/test/shapes?day=0000-01-01").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "cursor={0}")
    @CsvSource({"eA", "MjAyNi0xMS0yNQ", "AAAA", "!!!", "x"})
    void aCursorThisApiDidNotGiveOutIs400(String cursor) {
        refused(get("/test/shapes/pages", "cursor=" + cursor), "cursor", "not a cursor this API gave out");
    }

    @Test
    void aCursorThisApiGaveOutLeadsOn() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(SUPPORTER).contentType("application/json")
                    .body(Map.of("id", UUID.randomUUID().toString(), "name", "頁" + i, "channel", "PHONE"))
                    .when().post("/test/probes").then().statusCode(201);
        }
        String next = get("/test/shapes/pages", "limit=1").statusCode(200).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        List<String> second = get("/test/shapes/pages", "limit=1&cursor=" + next).statusCode(200).extract().path("items");
        List<String> first = get("/test/shapes/pages", "limit=1").extract().path("items");
        org.assertj.core.api.Assertions.assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        get("/test/shapes/pages", "limit=200").statusCode(200).body("nextCursor", nullValue());
    }
}
