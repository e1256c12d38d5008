package jp.tsunagu.system;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.DemoLoad;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * The demo data of {@code ./tsunagu up}, loaded by the same code into the packaged system while it
 * is still empty (this class runs first): every part loads through the real API, and a second
 * load changes nothing.
 */
@Order(1)
class DemoDataSystemTest {

    private static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).baseUri(RunningSystem.get().url(service));
    }

    @Test
    void theRunCommandsDemoLoadsOnceThroughTheRealApi() {
        assertThat(DemoLoad.whereEmpty(RunningSystem.get().layout())).hasSize(4);

        String supervisor = Logins.password("tokyo-supervisor");
        as(supervisor, Service.CASE).queryParam("limit", 200).when().get("/api/v1/cases").then().statusCode(200)
                .body("items", hasSize(7));
        List<String> statuses = as(supervisor, Service.REFERRAL).queryParam("limit", 200).when().get("/api/v1/referrals")
                .then().statusCode(200).extract().jsonPath().getList("items.status");
        assertThat(statuses).containsExactlyInAnyOrder("IN_PROGRESS", "COMPLETED", "COMPLETED", "CANCELLED", "REQUESTED",
                "DRAFT", "REQUESTED");
        as(supervisor, Service.REFERRAL).queryParam("direction", "INBOUND").when().get("/api/v1/referrals").then()
                .statusCode(200).body("items", hasSize(1));
        // the demo's urgent referral to the health center is overdue a few seconds after loading
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(supervisor, Service.REFERRAL)
                .queryParam("overdue", true).when().get("/api/v1/referrals").then().statusCode(200).body("items", hasSize(1)));
        assertThat(as(Logins.clientCredentials("agency-tokyo-health-center"), Service.REFERRAL)
                .when().get("/api/v1/partner/referrals").then().statusCode(200).extract().jsonPath().<String>getList("items.status"))
                .containsExactlyInAnyOrder("IN_PROGRESS", "REQUESTED");

        // the work between visits: the demo's report of the last year is not empty, and Osaka's
        // case whose review date passed is on its supervisor's list
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        io.restassured.path.json.JsonPath report = as(supervisor, Service.CASE)
                .queryParam("from", today.minusDays(364).toString()).queryParam("to", today.toString())
                .when().get("/api/v1/reports/activity").then().statusCode(200).extract().jsonPath();
        // each Tokyo case: a visit to the center and a call before home visits began, a call after
        // for the five that have them
        assertThat(report.getInt("sections.consultationsByChannel.CENTER_VISIT")).isEqualTo(7);
        assertThat(report.getInt("sections.consultationsByChannel.PHONE")).isEqualTo(7 + 5);
        assertThat(report.getInt("sections.inquiries.TOTAL")).isEqualTo(2);
        assertThat(report.getInt("sections.homeVisitsByOutcome.NOT_MET")).isPositive();
        as(Logins.password("osaka-supervisor"), Service.CASE).queryParam("reviewDue", true).when().get("/api/v1/cases")
                .then().statusCode(200).body("items", hasSize(1));
        as(supervisor, Service.CASE).queryParam("reviewDue", true).when().get("/api/v1/cases")
                .then().statusCode(200).body("items", hasSize(0));

        assertThat(DemoLoad.whereEmpty(RunningSystem.get().layout())).as("loaded once").isEmpty();
    }
}
