package jp.tsunagu.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every failure is problem+json with the right status, through real HTTP. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String SUPPORTER = TestTokens.supporter("tokyo");

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", containsString("https://tsunagu.jp/problems/"))
                .body("title", notNullValue())
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("at jp.")));
    }

    private static Map<String, Object> probe() {
        return Map.of("id", UUID.randomUUID().toString(), "name", "つなぐ", "channel", "PHONE");
    }

    @Test
    void unknownPathIs404() {
        problem(given().auth().oauth2(SUPPORTER).when().get("/test/nothing-here").then(), 404);
    }

    @Test
    void missingObjectIs404WithDetail() {
        problem(given().auth().oauth2(SUPPORTER).when().get("/test/probes/" + UUID.randomUUID()).then(), 404)
                .body("detail", containsString("not found"));
    }

    @Test
    void aMissingRequiredParameterIsNamedAsTheCallerSendsIt() {
        problem(given().auth().oauth2(SUPPORTER).when().get("/test/probes/by-day").then(), 400)
                .body("violations.field", org.hamcrest.Matchers.contains("X-Probe-Mode", "from"));
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json")
                .when().post("/test/probes").then(), 400)
                .body("violations.field", hasItem("body"));
    }

    @Test
    void wrongMethodIs405() {
        problem(given().auth().oauth2(SUPPORTER).when().delete("/test/probes/" + UUID.randomUUID()).then(), 405);
    }

    @Test
    void wrongMediaTypeIs415() {
        problem(given().auth().oauth2(SUPPORTER).contentType("text/plain").body("hello")
                .when().post("/test/probes").then(), 415);
    }

    @Test
    void unknownPropertyIsRejectedWithItsField() {
        Map<String, Object> body = new java.util.HashMap<>(probe());
        body.put("sneaky", "x");
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body(body)
                .when().post("/test/probes").then(), 400)
                .body("violations.field", hasItem("sneaky"))
                .body("violations.message", hasItem("unknown property"));
    }

    @Test
    void unknownEnumValueNamesTheAllowedOnes() {
        Map<String, Object> body = new java.util.HashMap<>(probe());
        body.put("channel", "CARRIER_PIGEON");
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body(body)
                .when().post("/test/probes").then(), 400)
                .body("violations[0].field", equalTo("channel"))
                .body("violations[0].message", containsString("PHONE"));
    }

    @Test
    void malformedJsonIs400() {
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body("{\"id\": ")
                .when().post("/test/probes").then(), 400);
    }

    @Test
    void beanValidationListsEveryViolation() {
        Map<String, Object> body = Map.of("name", "", "channel", "PHONE", "tags", java.util.List.of("ok", " "));
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body(body)
                .when().post("/test/probes").then(), 400)
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("tags[1]"));
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"name\":\"" + "あ".repeat(400_000) + "\"}";
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body(big)
                .when().post("/test/probes").then(), 413);
    }

    @Test
    void noTokenIs401WithAChallenge() {
        problem(given().when().get("/test/probes/" + UUID.randomUUID()).then(), 401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void wrongRoleIs403() {
        problem(given().auth().oauth2(TestTokens.partnerAgency("tokyo-police"))
                .when().get("/test/probes/" + UUID.randomUUID()).then(), 403);
        problem(given().auth().oauth2(SUPPORTER).when().get("/test/probes/supervised").then(), 403);
        given().auth().oauth2(TestTokens.supervisor("tokyo")).when().get("/test/probes/supervised").then().statusCode(200);
    }

    @Test
    void updatesNeedIfMatchAndTheCurrentVersion() {
        Map<String, Object> body = probe();
        given().auth().oauth2(SUPPORTER).contentType("application/json").body(body)
                .when().post("/test/probes").then().statusCode(201).header("ETag", "\"0\"");
        String path = "/test/probes/" + body.get("id");
        Map<String, Object> rename = Map.of("name", "新しい名前");

        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body(rename)
                .when().put(path).then(), 428);
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body(rename).header("If-Match", "garbage")
                .when().put(path).then(), 400);
        given().auth().oauth2(SUPPORTER).contentType("application/json").body(rename).header("If-Match", "\"0\"")
                .when().put(path).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("新しい名前"));
        problem(given().auth().oauth2(SUPPORTER).contentType("application/json").body(rename).header("If-Match", "\"0\"")
                .when().put(path).then(), 412)
                .body("currentVersion", equalTo(1));
    }

    @Test
    void theCallersRequestIdIsAnsweredBack() {
        given().auth().oauth2(SUPPORTER).header("X-Request-Id", "req-123")
                .when().get("/test/probes/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", "req-123").body("requestId", equalTo("req-123"));
    }
}
