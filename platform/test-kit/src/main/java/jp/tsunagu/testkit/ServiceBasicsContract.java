package jp.tsunagu.testkit;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * What every service answers, whatever its domain: the caller ({@code /api/v1/me}), health with
 * its database and Kafka checks, Prometheus metrics including the outbox, OpenAPI and Swagger UI,
 * problem+json for an unauthenticated call, and CORS for the configured web origins only. Each
 * service's {@code ServiceBasicsTest} extends it.
 */
public abstract class ServiceBasicsContract {

    /** The usual dev server's origin, allowed by the shared configuration. */
    private static final String WEB_ORIGIN = "http://localhost:5173";

    protected abstract String serviceName();

    @Test
    void answersWhoTheCallerIs() {
        TestTokens.Builder user = TestTokens.user("tokyo-supervisor").roles("supervisor").center("tokyo");
        given().auth().oauth2(user.token())
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("userId", equalTo(user.subject()))
                .body("username", equalTo("tokyo-supervisor"))
                .body("roles", hasItem("supervisor"))
                .body("centerId", equalTo("tokyo"));
    }

    @Test
    void refusesAnUnauthenticatedCallerWithAProblem() {
        given().when().get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void isLiveAndReadyWithDatabaseAndKafkaChecked() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Database"), containsString("Kafka")));
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutbox() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tsunagu_outbox_pending"))
                .body(containsString("tsunagu_outbox_oldest_pending_age_seconds"));
    }

    @Test
    void answersAPreflightFromAnAllowedOriginOnly() {
        given().header("Origin", WEB_ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .when().options("/api/v1/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WEB_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", allOf(containsStringIgnoringCase("If-Match"),
                        containsStringIgnoringCase("Idempotency-Key"), containsStringIgnoringCase("Authorization")))
                .header("Access-Control-Max-Age", equalTo("86400"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/me")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void letsBrowserCodeOfAnAllowedOriginReadTheContractsHeaders() {
        TestTokens.Builder user = TestTokens.user("tokyo-supervisor").roles("supervisor").center("tokyo");
        given().auth().oauth2(user.token()).header("Origin", WEB_ORIGIN)
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WEB_ORIGIN)
                .header("Access-Control-Expose-Headers", allOf(containsStringIgnoringCase("ETag"),
                        containsStringIgnoringCase("Location"), containsStringIgnoringCase("X-Request-Id"),
                        containsStringIgnoringCase("Retry-After"), containsStringIgnoringCase("Idempotent-Replayed")));
        given().auth().oauth2(user.token()).header("Origin", "https://evil.example")
                .when().get("/api/v1/me")
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Tsunagu " + serviceName()))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
