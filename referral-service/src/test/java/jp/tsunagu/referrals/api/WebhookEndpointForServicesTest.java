package jp.tsunagu.referrals.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.SqlRows;
import jp.tsunagu.testkit.TestTokens;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.referrals.DirectoryFixtures.ADMIN;
import static jp.tsunagu.referrals.DirectoryFixtures.CENTER_SYSTEM;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPPORTER;
import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static jp.tsunagu.referrals.DirectoryFixtures.secret;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The service-to-service read of an agency's webhook endpoint: notification-service's own service
 * account reads the URL and the secret; no other service, role or person does; every read is
 * audited without the secret, and the secret appears in no log line.
 */
@QuarkusTest
class WebhookEndpointForServicesTest {

    /** notification-service's service account, as Keycloak issues its client-credentials token. */
    static final TestTokens.Builder NOTIFICATIONS = TestTokens.user("service-account-notification-service").roles("service")
            .claim("azp", "notification-service");
    /** The same account as the test tokens make it, without azp: judged by its username. */
    static final TestTokens.Builder NOTIFICATIONS_WITHOUT_AZP = TestTokens.user("service-account-notification-service").roles("service");

    @Inject
    DataSource database;

    @Test
    void notificationServiceReadsTheUrlAndTheSecretUncached() {
        String id = uniqueId("hook");
        String secret = secret(32);
        create(id, "https://agency.example.jp/tsunagu/hooks", secret);
        String rotatedAt = as(ADMIN).when().get("/api/v1/agencies/" + id).then().statusCode(200).extract().path("webhook.secretRotatedAt");

        for (TestTokens.Builder caller : List.of(NOTIFICATIONS, NOTIFICATIONS_WITHOUT_AZP)) {
            Map<String, Object> answer = given().auth().oauth2(caller.token()).when().get(path(id))
                    .then().statusCode(200).contentType("application/json")
                    .header("Cache-Control", containsString("no-store")).header("ETag", nullValue())
                    .extract().jsonPath().getMap("");
            assertThat(answer).containsOnlyKeys("agencyId", "url", "secret", "rotatedAt")
                    .containsEntry("agencyId", id).containsEntry("url", "https://agency.example.jp/tsunagu/hooks")
                    .containsEntry("secret", secret).containsEntry("rotatedAt", rotatedAt);
        }
        assertThat(rotatedAt).endsWith("+09:00");
    }

    @Test
    void noOtherServiceNorAnyPersonReadsIt() {
        String id = uniqueId("hook");
        String secret = secret(32);
        create(id, "https://agency.example.jp/hooks", secret);
        List<TestTokens.Builder> refused = List.of(
                TestTokens.user("service-account-case-service").roles("service").claim("azp", "case-service"),
                TestTokens.user("service-account-referral-service").roles("service"),
                // the right name on a token issued to another client, and a user who is no service account
                TestTokens.user("service-account-notification-service").roles("service").claim("azp", "case-service"),
                TestTokens.user("notification-service").roles("service").claim("azp", "notification-service"),
                TestTokens.user("service-account-notification-services").roles("service"));
        for (TestTokens.Builder caller : refused) {
            String answer = given().auth().oauth2(caller.token()).when().get(path(id))
                    .then().statusCode(403).contentType("application/problem+json").extract().asString();
            assertThat(answer).doesNotContain(secret.substring(6));
        }
        // the role comes first: without it, even notification-service's own name is refused, and so is everyone else
        for (TestTokens.Builder caller : List.of(ADMIN, SUPPORTER, SUPERVISOR, CENTER_SYSTEM, partner(id),
                TestTokens.user("service-account-notification-service").roles("admin").claim("azp", "notification-service"))) {
            given().auth().oauth2(caller.token()).when().get(path(id)).then().statusCode(403);
        }
        given().when().get(path(id)).then().statusCode(401);
        assertThat(SqlRows.column(database, "select outcome from audit_entry where action = 'agency.webhook-endpoint.read'"
                + " and object_id = ? order by id", id)).hasSize(refused.size()).containsOnly("DENIED");
    }

    @Test
    void anAgencyWithoutAUrlOrASecretHasNoEndpoint() {
        String none = uniqueId("plain");
        as(ADMIN).body(agency(none)).when().post("/api/v1/agencies").then().statusCode(201);
        String unsigned = uniqueId("unsigned");
        Map<String, Object> body = agency(unsigned);
        body.put("webhook", Map.of("url", "https://agency.example.jp/unsigned"));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(201);

        for (String id : List.of(none, unsigned, uniqueId("unknown"), "Not_A_Slug")) {
            given().auth().oauth2(NOTIFICATIONS.token()).when().get(path(id))
                    .then().statusCode(404).contentType("application/problem+json");
        }
        // a secret rotated in gives it one
        as(ADMIN).when().post("/api/v1/agencies/" + unsigned + "/webhook/secret-rotation").then().statusCode(200);
        given().auth().oauth2(NOTIFICATIONS.token()).when().get(path(unsigned)).then().statusCode(200)
                .body("url", equalTo("https://agency.example.jp/unsigned"));
    }

    @Test
    void everyReadIsAuditedAndTheSecretIsInNoLogLineNorEntry() {
        String id = uniqueId("hook");
        String secret = secret(48);
        String key = secret.substring("whsec_".length());
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("jp.tsunagu");
        Level oursBefore = ours.getLevel();
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                synchronized (lines) {
                    lines.add(record.getLoggerName() + " " + message + " " + (record.getThrown() == null ? "" : record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(capture);
        ours.setLevel(Level.FINE);
        try {
            create(id, "https://agency.example.jp/logged", secret);
            given().auth().oauth2(NOTIFICATIONS.token()).when().get(path(id)).then().statusCode(200).body("secret", equalTo(secret));
            given().auth().oauth2(TestTokens.user("service-account-case-service").roles("service").token()).when().get(path(id))
                    .then().statusCode(403);
        } finally {
            root.removeHandler(capture);
            ours.setLevel(oursBefore);
        }
        synchronized (lines) {
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("webhook endpoint of agency " + id));
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(key));
        }
        assertThat(SqlRows.column(database, "select concat_ws(' ', actor_roles, outcome) from audit_entry"
                + " where action = 'agency.webhook-endpoint.read' and object_id = ? order by id", id))
                .containsExactly("service SUCCESS", "service DENIED");
        assertThat(SqlRows.column(database, "select concat_ws(' ', action, object_type, object_id, request_id) from audit_entry"))
                .noneSatisfy(line -> assertThat(line).contains(key));
    }

    private static void create(String id, String url, String secret) {
        Map<String, Object> body = agency(id);
        body.put("webhook", Map.of("url", url, "secret", secret));
        as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(201);
    }

    private static String path(String agencyId) {
        return "/api/v1/agencies/" + agencyId + "/webhook-endpoint";
    }
}
