package jp.tsunagu.notifications.mail;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.testkit.AuthorizationMatrix;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.notifications.mail.MailFixtures.as;
import static jp.tsunagu.notifications.mail.MailFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * GET and PUT /preferences: each user their own only; the defaults at version 0 until the first
 * PUT creates them (201, RFC 9110 preconditions); versions, ETag, If-Match (412 stale, 428 missing);
 * strict input as problem+json; crisis alerts always e-mailed; who may call at all.
 */
@QuarkusTest
class PreferencesApiTest {

    @Inject
    DataSource database;

    private static final String PATH = "/api/v1/preferences";
    private static final Map<String, Object> EVENINGS_OFF = Map.of(
            "channels", List.of(Map.of("kind", "TEAM_CHANGED", "email", false), Map.of("kind", "CASE_CLOSED", "inbox", true, "email", true)),
            "quietHours", Map.of("start", "22:00", "end", "07:00"),
            "digestAt", "08:30");

    @Test
    void aUserHasTheDefaultsAtVersionZeroUntilTheFirstPutCreatesTheirOwn() {
        TestTokens.Builder user = newUser();
        TestTokens.Builder other = newUser();

        as(user).when().get(PATH).then().statusCode(200).header("ETag", "\"0\"")
                .body("version", equalTo(0)).body("timeZone", equalTo("Asia/Tokyo"))
                .body("quietHours", nullValue()).body("digestAt", nullValue()).body("updatedAt", nullValue())
                .body("channels", hasSize(NotificationKind.values().length)).body("channels.inbox", everyItem(equalTo(true)))
                .body("channels.email", everyItem(equalTo(true)))
                .body("channels.find { it.kind == 'CRISIS_ALERT' }.urgent", equalTo(true))
                .body("channels.find { it.kind == 'TEAM_CHANGED' }.urgent", equalTo(false));

        as(user).body(EVENINGS_OFF).when().put(PATH).then().statusCode(201).header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("quietHours.start", equalTo("22:00")).body("quietHours.end", equalTo("07:00"))
                .body("digestAt", equalTo("08:30")).body("updatedAt", startsWith("20"))
                .body("channels.find { it.kind == 'TEAM_CHANGED' }.email", equalTo(false))
                .body("channels.find { it.kind == 'CASE_CLOSED' }.email", equalTo(true));
        as(user).when().get(PATH).then().statusCode(200).header("ETag", "\"1\"")
                .body("channels.findAll { !it.email }.kind", equalTo(List.of("TEAM_CHANGED")));

        as(other).when().get(PATH).then().statusCode(200).header("ETag", "\"0\"")
                .body("quietHours", nullValue()).body("channels.findAll { !it.email }", hasSize(0));
    }

    @Test
    void updatesNameTheVersionTheyReplace() {
        TestTokens.Builder user = newUser();
        as(user).header("If-Match", "*").body(EVENINGS_OFF).when().put(PATH).then().statusCode(412)
                .contentType("application/problem+json");
        as(user).header("If-None-Match", "*").body(EVENINGS_OFF).when().put(PATH).then().statusCode(201)
                .header("ETag", "\"1\"");

        as(user).body(Map.of()).when().put(PATH).then().statusCode(428).contentType("application/problem+json");
        as(user).header("If-None-Match", "*").body(Map.of()).when().put(PATH).then().statusCode(412)
                .contentType("application/problem+json");
        as(user).header("If-Match", "\"0\"").body(Map.of()).when().put(PATH).then().statusCode(412)
                .contentType("application/problem+json").body("currentVersion", equalTo(1));
        as(user).header("If-Match", "\"1\"").body(Map.of()).when().put(PATH).then().statusCode(200)
                .header("ETag", "\"2\"").body("quietHours", nullValue()).body("digestAt", nullValue())
                .body("channels.email", everyItem(equalTo(true)));
        as(user).header("If-Match", "\"1\"").body(EVENINGS_OFF).when().put(PATH).then().statusCode(412);
        as(user).header("If-Match", "*").body(EVENINGS_OFF).when().put(PATH).then().statusCode(200)
                .header("ETag", "\"3\"").body("digestAt", equalTo("08:30"));
        as(user).header("If-Match", "W/\"3\"").body(Map.of("digestAt", "07:00")).when().put(PATH).then().statusCode(200)
                .header("ETag", "\"4\"").body("digestAt", equalTo("07:00")).body("quietHours", nullValue());
        as(user).header("If-Match", "yesterday").body(Map.of()).when().put(PATH).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemWithItsFields() {
        TestTokens.Builder user = newUser();
        as(user).body(Map.of("quietHours", Map.of("start", "22:00", "end", "07:00"), "colour", "green"))
                .when().put(PATH).then().statusCode(400).contentType("application/problem+json");
        as(user).body(Map.of("version", 0)).when().put(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        as(user).body(Map.of("channels", List.of(Map.of("kind", "CRISIS_ALERT", "email", false))))
                .when().put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("channels[0].email"));
        as(user).body(Map.of("channels", List.of(Map.of("kind", "TEAM_CHANGED", "inbox", false, "email", true))))
                .when().put(PATH).then().statusCode(400).body("violations.field", hasItem("channels[0].inbox"));
        as(user).body(Map.of("channels", List.of(Map.of("kind", "NO_SUCH_KIND", "email", true))))
                .when().put(PATH).then().statusCode(400).contentType("application/problem+json");
        as(user).body(Map.of("channels", List.of(Map.of("kind", "TEAM_CHANGED"))))
                .when().put(PATH).then().statusCode(400).contentType("application/problem+json");
        as(user).body(Map.of("quietHours", Map.of("start", "22:00", "end", "22:00")))
                .when().put(PATH).then().statusCode(400).body("violations.field", hasItem("quietHours.end"));
        as(user).body(Map.of("quietHours", Map.of("start", "22:00")))
                .when().put(PATH).then().statusCode(400).contentType("application/problem+json");
        as(user).body(Map.of("digestAt", "8:00")).when().put(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        as(user).body(Map.of("digestAt", "24:00")).when().put(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        as(user).when().get(PATH).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void onlyStaffAndOperatorsHavePreferencesAndOnlyWithAToken() {
        given().when().get(PATH).then().statusCode(401);
        given().contentType("application/json").body(Map.of()).when().put(PATH).then().statusCode(401);
        as(TestTokens.user("agency-" + UUID.randomUUID()).roles("partner-agency").agency("tokyo-police"))
                .when().get(PATH).then().statusCode(403).contentType("application/problem+json");
    }

    @TestFactory
    List<DynamicTest> everyRoleOnEveryEndpoint() {
        return new AuthorizationMatrix()
                .caller("supporter", user("supporter", "tokyo"))
                .caller("supervisor", user("supervisor", "tokyo"))
                .caller("peer-supporter", user("peer-supporter", "tokyo"))
                .caller("admin", user("admin", null))
                .caller("partner-agency", TestTokens.user("agency-" + UUID.randomUUID()).roles("partner-agency")
                        .agency("tokyo-police"))
                .caller("center-system", TestTokens.user("center-" + UUID.randomUUID()).roles("center-system")
                        .center("tokyo"))
                .caller("service", TestTokens.user("service-" + UUID.randomUUID()).roles("service"))
                // GET first, then the PUT (with If-Match "0": created, since none of them has set any)
                .endpoint("GET", PATH, null, "200 200 200 200 403 403 403")
                .endpoint("PUT", PATH, Map.of("digestAt", "08:00"), "201 201 201 201 403 403 403")
                .tests();
    }

    private static TestTokens.Builder user(String role, String center) {
        TestTokens.Builder user = TestTokens.user(role + "-" + UUID.randomUUID()).roles(role);
        return center == null ? user : user.center(center);
    }

    @Test
    void theCreatedPreferencesAnswerTheirETagAndEachWriteIsAudited() {
        TestTokens.Builder user = newUser();
        String etag = as(user).body(Map.of("digestAt", "18:00")).when().put(PATH).then().statusCode(201)
                .header("ETag", notNullValue()).extract().header("ETag");
        as(user).when().get(PATH).then().statusCode(200).header("ETag", equalTo(etag)).body("digestAt", equalTo("18:00"));
        as(user).header("If-Match", etag).body(Map.of()).when().put(PATH).then().statusCode(200);

        assertThat(MailFixtures.rows(database, """
                select actor_id, object_id, outcome from audit_entry
                where action = 'notification-preferences.replace' and actor_id = ? order by id""", user.subject()))
                .extracting(row -> row.get("object_id") + " " + row.get("outcome"))
                .containsExactly(user.subject() + " SUCCESS", user.subject() + " SUCCESS");
    }
}
