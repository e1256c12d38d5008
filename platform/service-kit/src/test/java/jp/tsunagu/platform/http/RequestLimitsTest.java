package jp.tsunagu.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testkit.RawHttp;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The limits and the request line, sent as raw HTTP where a polite client would refuse: every answer
 * is problem+json with a body that says what is wrong, never Vert.x' bare status.
 */
@QuarkusTest
class RequestLimitsTest {

    private static final String SUPPORTER = TestTokens.supporter("tokyo");
    private static final Map<String, String> JSON = Map.of("Authorization", "Bearer " + SUPPORTER,
            "Content-Type", "application/json");

    private static JsonPath problem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.headers().toString()).startsWith("application/problem+json");
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        return body;
    }

    private static String probe(String name) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"" + name + "\", \"channel\": \"PHONE\"}";
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() {
        byte[] big = ("{\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"" + "x".repeat(1_200_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(problem(RawHttp.chunked("POST", "/test/probes", JSON, big, 16 * 1024), 413).getString("detail"))
                .contains("1 MiB");
        byte[] overHardLimit = ("\"" + "y".repeat(3_000_000) + "\"").getBytes(StandardCharsets.UTF_8);
        problem(RawHttp.chunked("POST", "/test/probes", JSON, overHardLimit, 64 * 1024), 413);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() {
        String name = "分割";
        RawHttp.Answer created = RawHttp.chunked("POST", "/test/probes", JSON, probe(name).getBytes(StandardCharsets.UTF_8), 7);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(JsonPath.from(created.body()).getString("name")).isEqualTo(name);
        byte[] nearlyOneMebibyte = ("{\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"" + "x".repeat(1_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(problem(RawHttp.chunked("POST", "/test/probes", JSON, nearlyOneMebibyte, 32 * 1024), 400)
                .getString("violations.field")).contains("channel");
    }

    @Test
    void aLongPathOrQueryIs414() {
        assertThat(problem(RawHttp.send("GET", "/test/" + "p".repeat(10_000), JSON, null), 414).getString("detail"))
                .contains("8192");
        problem(RawHttp.send("GET", "/test/shapes?q=" + "q".repeat(10_000), JSON, null), 414);
        given().auth().oauth2(SUPPORTER).queryParam("q", "q".repeat(4_000)).when().get("/test/shapes")
                .then().statusCode(200);
    }

    @Test
    void aNulInTheQueryOrPathIs400NamingIt() {
        JsonPath query = problem(RawHttp.send("GET", "/test/shapes?count=1&q=a%00b", JSON, null), 400);
        assertThat(query.getString("violations[0].field")).isEqualTo("q");
        assertThat(query.getString("violations[0].message")).contains("NUL");
        assertThat(problem(RawHttp.send("GET", "/test/probes/%00", JSON, null), 400).getString("violations[0].field"))
                .isEqualTo("path");
    }

    /**
     * Two refusals come before any application code, with a bare 400 that an application cannot
     * replace: a NUL in a header value (Vert.x' HTTP/1.1 decoder validates headers; its invalid-request
     * handler is not exposed by Quarkus) and a URI that java.net.URI refuses, e.g. broken
     * percent-encoding (Quarkus' root handler). What can be asserted is the 400 and that nothing was done.
     */
    @Test
    void whatTheHttpLayerRefusesIsA400AndDoesNothing() {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\": \"" + id + "\", \"name\": \"鍵\", \"channel\": \"PHONE\"}";
        RawHttp.Answer nulHeader = RawHttp.send("POST", "/test/probes",
                Map.of("Authorization", "Bearer " + SUPPORTER, "Content-Type", "application/json",
                        "Idempotency-Key", "key\u0000with-nul"), body);
        assertThat(nulHeader.status()).isEqualTo(400);
        RawHttp.Answer brokenEncoding = RawHttp.send("POST", "/test/probes?x=%zz", JSON, body);
        assertThat(brokenEncoding.status()).isEqualTo(400);
        given().auth().oauth2(SUPPORTER).when().get("/test/probes/" + id).then().statusCode(404);
    }

    @Test
    void theBodyLimitByContentLengthStillHolds() {
        given().auth().oauth2(SUPPORTER).contentType("application/json").body(probe("x".repeat(1_100_000)))
                .when().post("/test/probes").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("1 MiB"));
    }
}
