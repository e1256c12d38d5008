package jp.tsunagu.referrals.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.SqlRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.referrals.DirectoryFixtures.ADMIN;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static jp.tsunagu.referrals.DirectoryFixtures.secret;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The webhook secret is write-only: set in a create or a patch, or made by a rotation that
 * answers it once; every other answer says only whether one is set and when it was set.
 */
@QuarkusTest
class WebhookSecretTest {

    @Inject
    DataSource database;

    @Test
    void theSecretNeverAppearsInAnyAnswer() {
        String id = uniqueId("police");
        String secret = secret(32);
        String key = secret.substring("whsec_".length());
        Map<String, Object> body = agency(id);
        body.put("webhook", Map.of("url", "https://agency.example.jp/tsunagu/webhooks", "secret", secret));

        List<String> answers = new ArrayList<>();
        answers.add(as(ADMIN).header("Idempotency-Key", "webhook-" + id).body(body).when().post("/api/v1/agencies")
                .then().statusCode(201)
                .body("webhook.url", equalTo("https://agency.example.jp/tsunagu/webhooks"))
                .body("webhook.secretSet", equalTo(true)).body("webhook.secretRotatedAt", notNullValue())
                .body("webhook.secret", nullValue())
                .extract().asString());
        answers.add(as(ADMIN).header("Idempotency-Key", "webhook-" + id).body(body).when().post("/api/v1/agencies")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString());
        answers.add(as(ADMIN).when().get("/api/v1/agencies/" + id).then().statusCode(200).extract().asString());
        answers.add(as(ADMIN).when().get("/api/v1/agencies?limit=200").then().statusCode(200).extract().asString());
        answers.add(as(SUPERVISOR).when().get("/api/v1/agencies/" + id).then().statusCode(200)
                .body("webhook", nullValue()).extract().asString());
        answers.add(as(partner(id)).when().get("/api/v1/partner/agency").then().statusCode(200)
                .body("webhook.secretSet", equalTo(true)).extract().asString());
        answers.add(as(ADMIN).header("If-Match", "\"0\"").body(Map.of("webhook", Map.of("url", "https://agency.example.jp/v2")))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(200)
                .body("webhook.url", equalTo("https://agency.example.jp/v2")).body("webhook.secretSet", equalTo(true))
                .extract().asString());
        String organization = as(ADMIN).when().get("/api/v1/agencies/" + id).path("hsdsId");
        String service = given().when().get("/hsds/services?organization_id=" + organization).then().statusCode(200)
                .extract().path("contents[0].id");
        answers.add(given().when().get("/hsds/services/" + service).then().statusCode(200).extract().asString());
        answers.add(given().when().get("/hsds/organizations?per_page=200").then().statusCode(200).extract().asString());

        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(key));
        // nor in what the service keeps of its answers and acts: the idempotency store and the audit trail
        assertThat(SqlRows.column(database, "select coalesce(body, '') from idempotency_key where idempotency_key = ?", "webhook-" + id))
                .singleElement().satisfies(stored -> assertThat(stored).contains(id).doesNotContain(key));
        assertThat(SqlRows.column(database, "select concat_ws(' ', action, object_id) from audit_entry"))
                .noneSatisfy(line -> assertThat(line).contains(key));
        assertThat(storedSecret(id)).isEqualTo(secret);
    }

    @Test
    void aRotationAnswersANewSecretOnceAndItIsTheOneInForce() {
        String id = uniqueId("hc");
        Map<String, Object> body = agency(id);
        body.put("webhook", Map.of("url", "https://hc.example.jp/hooks"));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(201)
                .body("webhook.secretSet", equalTo(false));

        String rotated = as(ADMIN).when().post("/api/v1/agencies/" + id + "/webhook/secret-rotation")
                .then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .header("ETag", "\"1\"")
                .body("agencyId", equalTo(id)).body("version", equalTo(1))
                .body("secret", startsWith("whsec_")).body("secretRotatedAt", notNullValue())
                .extract().path("secret");
        assertThat(java.util.Base64.getDecoder().decode(rotated.substring(6))).hasSize(32);
        assertThat(storedSecret(id)).isEqualTo(rotated);
        String after = as(ADMIN).when().get("/api/v1/agencies/" + id).then().statusCode(200)
                .body("webhook.secretSet", equalTo(true)).extract().asString();
        assertThat(after).doesNotContain(rotated.substring(6));

        String again = as(ADMIN).when().post("/api/v1/agencies/" + id + "/webhook/secret-rotation")
                .then().statusCode(200).extract().path("secret");
        assertThat(again).isNotEqualTo(rotated);
        assertThat(storedSecret(id)).isEqualTo(again);
        assertThat(SqlRows.column(database, "select action from audit_entry where object_type = 'agency' and object_id = ? order by id", id))
                .containsExactly("agency.create", "agency.webhook-secret.rotate", "agency.webhook-secret.rotate");
    }

    @Test
    void noSecretWithoutAUrlAndRemovingTheWebhookRemovesItsSecret() {
        String id = uniqueId("clinic");
        as(ADMIN).body(agency(id)).when().post("/api/v1/agencies").then().statusCode(201).body("webhook", nullValue());
        as(ADMIN).when().post("/api/v1/agencies/" + id + "/webhook/secret-rotation").then().statusCode(409);
        as(ADMIN).header("If-Match", "\"0\"").body(Map.of("webhook", Map.of("url", "https://c.example.jp/h", "secret", secret(24))))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(200).body("webhook.secretSet", equalTo(true));
        as(ADMIN).header("If-Match", "\"1\"").body(Map.of("webhook", nullMap("secret")))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(200)
                .body("webhook.url", equalTo("https://c.example.jp/h")).body("webhook.secretSet", equalTo(false))
                .body("webhook.secretRotatedAt", nullValue());
        assertThat(storedSecret(id)).isNull();
        as(ADMIN).header("If-Match", "\"2\"").body(Map.of("webhook", Map.of("secret", secret(64))))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(200).body("webhook.secretSet", equalTo(true));
        as(ADMIN).header("If-Match", "\"3\"").body(nullMap("webhook"))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(200).body("webhook", nullValue());
        assertThat(storedSecret(id)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-secret", "whsec_", "whsec_***", "whsec_c2hvcnQ=", "23 bytes", "65 bytes"})
    void aSecretOutsideStandardWebhooksIsRefusedWithoutBeingEchoed(String given) {
        String secret = switch (given) {
            case "23 bytes" -> secret(23);
            case "65 bytes" -> secret(65);
            default -> given;
        };
        Map<String, Object> body = agency(uniqueId("bad"));
        body.put("webhook", Map.of("url", "https://a.example.jp/h", "secret", secret));
        String answer = as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("webhook.secret"))
                .extract().asString();
        if (secret.length() > 12) {
            assertThat(answer).doesNotContain(secret.substring(6));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://agency.example.jp/h", "ftp://agency.example.jp/h", "https://user:pw@agency.example.jp/h",
            "https://agency.example.jp/h#frag", "/relative", "https://例え.jp/h", "javascript:alert(1)"})
    void aWebhookUrlMustBeHttpsOrLocal(String url) {
        Map<String, Object> body = agency(uniqueId("url"));
        body.put("webhook", Map.of("url", url));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(400).body("violations.field", hasItem("webhook.url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hooks", "http://localhost:9000/hooks", "https://agency.example.jp:8443/a?b=c"})
    void httpsOrThisMachineForLocalRuns(String url) {
        Map<String, Object> body = agency(uniqueId("url"));
        body.put("webhook", Map.of("url", url));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(201).body("webhook.url", equalTo(url));
    }

    private String storedSecret(String id) {
        return SqlRows.column(database, "select webhook_secret from agency where id = ?", id).get(0);
    }

    private static Map<String, Object> nullMap(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }
}
