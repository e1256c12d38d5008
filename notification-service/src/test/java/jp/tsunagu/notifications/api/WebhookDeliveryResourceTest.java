package jp.tsunagu.notifications.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.notifications.service.PartnerWebhooks;
import jp.tsunagu.notifications.service.WebhookDispatcher;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.notifications.webhooks.Receiver;
import jp.tsunagu.notifications.webhooks.ReferralServiceStub;
import jp.tsunagu.testkit.AuthorizationMatrix;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.ADMIN;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.agencyId;
import static jp.tsunagu.testkit.SqlRows.column;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.deliveryOf;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.now;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.requested;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The admins' view of the partner webhooks: every delivery with its state and attempts, listed with
 * filters and pages, and retried by hand (audited, same webhook-id). Admin only: every other role is
 * refused, a caller without a token is unauthorized.
 */
@QuarkusTest
class WebhookDeliveryResourceTest {

    private static final String BASE = "/api/v1/webhook-deliveries";
    private static Receiver receiver;

    @Inject
    PartnerWebhooks webhooks;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    DataSource database;

    private MovableClock clock;

    @BeforeAll
    static void startTheReceiver() {
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    @BeforeEach
    void aClock() {
        clock = MovableClock.installedAt(now());
    }

    @Test
    void listsNewestFirstWithFiltersAndPages() {
        String agency = agencyId("listed");
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(deliveryOf(webhooks, database, agency, requested(agency, clock.instant())));
            clock.advance(Duration.ofSeconds(1));
        }
        // no webhook in the directory: the first goes through one attempt and ends NO_ENDPOINT
        clock.set(clock.instant().minusSeconds(3));
        dispatcher.dispatchDue();

        JsonPath firstPage = admin().queryParam("agencyId", agency).queryParam("limit", 2).when().get(BASE)
                .then().statusCode(200).extract().jsonPath();
        assertThat(firstPage.getList("items.id")).containsExactly(made.get(2).toString(), made.get(1).toString());
        assertThat(firstPage.getList("items.state")).containsExactly("PENDING", "PENDING");
        assertThat(firstPage.getString("items[0].type")).isEqualTo("referral.requested.v1");
        String cursor = firstPage.getString("nextCursor");
        admin().queryParam("agencyId", agency).queryParam("limit", 2).queryParam("cursor", cursor).when().get(BASE)
                .then().statusCode(200).body("items.id", equalTo(List.of(made.get(0).toString())))
                .body("items[0].state", equalTo("NO_ENDPOINT")).body("items[0].lastFailure", equalTo("NO_ENDPOINT"))
                .body("nextCursor", equalTo(null));
        admin().queryParam("agencyId", agency).queryParam("state", "NO_ENDPOINT").when().get(BASE)
                .then().statusCode(200).body("items.id", equalTo(List.of(made.get(0).toString())));
        admin().queryParam("state", "PENDING").queryParam("agencyId", agency).when().get(BASE)
                .then().statusCode(200).body("items.id", equalTo(List.of(made.get(2).toString(), made.get(1).toString())));

        admin().queryParam("state", "LOST").when().get(BASE).then().statusCode(400).contentType("application/problem+json");
        admin().queryParam("agencyId", "Not A Slug").when().get(BASE).then().statusCode(400)
                .body("violations.field", hasItem("agencyId"));
        admin().queryParam("cursor", "bm90LW91cnM").when().get(BASE).then().statusCode(400);
        admin().queryParam("limit", 201).when().get(BASE).then().statusCode(400);
        admin().when().get(BASE + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        admin().when().post(BASE + "/" + UUID.randomUUID() + "/retry").then().statusCode(404);
    }

    @Test
    void aRetryRequeuesTheDeliveryNowWithTheSameIdAndIsAudited() {
        String agency = agencyId("retried");
        String path = "/hooks/" + agency;
        UUID delivery = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        admin().when().get(BASE + "/" + delivery).then().statusCode(200).body("state", equalTo("NO_ENDPOINT"))
                .body("attempts", equalTo(1)).body("payload.type", equalTo("referral.requested.v1"))
                .body("payload.data.agencyId", equalTo(agency))
                .body("attemptHistory[0].failure", equalTo("NO_ENDPOINT")).body("attemptHistory[0].number", equalTo(1));

        // the agency gets its webhook; an admin retries an hour later
        ReferralServiceStub.endpoint(agency, receiver.url(path), secret(), OffsetDateTime.now(ZoneOffset.ofHours(9)));
        receiver.answers(path, 200);
        clock.advance(Duration.ofHours(1));
        JsonPath retried = admin().when().post(BASE + "/" + delivery + "/retry").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(retried.getString("id")).isEqualTo(delivery.toString());
        assertThat(retried.getString("state")).isEqualTo("PENDING");
        assertThat(OffsetDateTime.parse(retried.getString("nextAttemptAt")).toInstant()).isEqualTo(clock.instant());
        assertThat(column(database, "select concat_ws(' ', actor_roles, outcome) from audit_entry"
                + " where action = 'webhook-delivery.retry' and object_type = 'webhook-delivery' and object_id = ?", delivery.toString()))
                .containsExactly("admin SUCCESS");

        dispatcher.dispatchDue();
        admin().when().get(BASE + "/" + delivery).then().statusCode(200).body("state", equalTo("DELIVERED"))
                .body("attempts", equalTo(2)).body("attemptHistory.httpStatus", equalTo(java.util.Arrays.asList(null, 200)));
        assertThat(receiver.requests(path)).singleElement()
                .satisfies(r -> assertThat(r.getHeader("webhook-id")).isEqualTo(delivery.toString()));
    }

    @TestFactory
    List<DynamicTest> onlyAdminsSeeAndRetryDeliveries() {
        String agency = agencyId("matrix");
        UUID delivery = deliveryOf(webhooks, database, agency, requested(agency, now()));
        String forbidden = "403 403 403 403 403 ";
        return new AuthorizationMatrix()
                .caller("supporter", TestTokens.user("n-tokyo-supporter").roles("supporter").center("tokyo"))
                .caller("supervisor", TestTokens.user("n-tokyo-supervisor").roles("supervisor").center("tokyo"))
                .caller("peer supporter", TestTokens.user("n-tokyo-peer").roles("peer-supporter").center("tokyo"))
                .caller("center system", TestTokens.user("n-center-system").roles("center-system").center("tokyo"))
                .caller("partner agency", TestTokens.user("service-account-" + agency).roles("partner-agency").agency(agency))
                .caller("admin", ADMIN)
                .endpoint("GET", BASE, null, forbidden + "200")
                .endpoint("GET", BASE + "?state=PENDING&agencyId=" + agency, null, forbidden + "200")
                .endpoint("GET", BASE + "/" + delivery, null, forbidden + "200")
                .endpoint("POST", BASE + "/" + delivery + "/retry", null, forbidden + "200")
                .tests();
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        given().when().get(BASE).then().statusCode(401).contentType("application/problem+json");
        given().when().get(BASE + "/" + UUID.randomUUID()).then().statusCode(401);
        given().when().post(BASE + "/" + UUID.randomUUID() + "/retry").then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(ADMIN.token());
    }
}
