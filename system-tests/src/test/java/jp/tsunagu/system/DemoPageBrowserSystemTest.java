package jp.tsunagu.system;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A web frontend in a real browser: headless Chromium opens the demo page (clients/demo-page) on
 * its own origin, logs in on Keycloak's login page with the authorization code flow and PKCE as
 * tokyo-supporter-1, and works the API across origins (CORS): /me, the supporter's cases, a home
 * visit recorded with an Idempotency-Key and sent again, its ETag read and the visit corrected with
 * If-Match, and a notification received on the live stream while the page is open.
 */
class DemoPageBrowserSystemTest {

    private static final String SUPPORTER = "tokyo-supporter-1";

    private static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).contentType("application/json").baseUri(RunningSystem.get().url(service));
    }

    @Test
    void theDemoPageLogsInWithPkceAndWorksTheApiFromItsOwnOrigin() {
        String supporter = Logins.password(SUPPORTER);
        JsonPath opened = as(supporter, Service.CASE).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                                "consultant", Map.of("relation", "FATHER")),
                        "subject", Map.of("familyName", "青木", "givenName", "蓮", "familyNameKana", "アオキ",
                                "givenNameKana", "レン", "withdrawalSince", "2021-04")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().jsonPath();
        String caseId = opened.getString("id");

        try (Browser browser = Browser.start()) {
            try {
                useThePage(browser, caseId, opened.getString("caseNumber"));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nthe page's console:\n" + String.join("\n", browser.console()), e);
            }
        }
    }

    private void useThePage(Browser browser, String caseId, String caseNumber) {
        String supporter = Logins.password(SUPPORTER);
        browser.open(RunningSystem.get().layout().demoPageUrl() + "/");

        // Keycloak's own login page, reached with a code challenge; back with a code the page exchanges
        browser.click(By.id("login"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(RunningSystem.get().layout().issuer())
                .contains("code_challenge_method=S256").contains("code_challenge=");
        browser.type(By.id("username"), SUPPORTER);
        browser.type(By.id("password"), Logins.DEMO_PASSWORD);
        browser.click(By.id("kc-login"));
        String me = browser.element(By.id("me")).getText();
        assertThat(me).startsWith(SUPPORTER).endsWith("tokyo");
        assertThat(browser.driver().getCurrentUrl()).as("the code is not left in the address bar")
                .isEqualTo(RunningSystem.get().layout().demoPageUrl() + "/");

        // the supporter's cases, across origins, newest change first
        browser.element(By.cssSelector("#cases tr[data-case-id='" + caseId + "']"));
        assertThat(browser.text(By.cssSelector("#cases tr[data-case-id='" + caseId + "'] td"))).isEqualTo(caseNumber);
        browser.awaitText(By.id("stream-state"), "connected");

        // a visit recorded with an Idempotency-Key; the ETag is readable by the page's code
        new Select(browser.element(By.id("case"))).selectByValue(caseId);
        browser.type(By.id("minutes"), "12");
        browser.click(By.id("record"));
        browser.awaitText(By.id("visit-status"), "201");
        String visitId = browser.text(By.id("visit-id"));
        assertThat(browser.text(By.id("visit-etag"))).isEqualTo("\"0\"");
        assertThat(browser.text(By.id("visit-minutes"))).isEqualTo("12");

        // sent again with the same key, as an app retries after a lost answer: the first answer, replayed
        browser.click(By.id("record-again"));
        browser.awaitText(By.id("visit-status"), "replayed");
        assertThat(browser.text(By.id("visit-id"))).isEqualTo(visitId);

        // corrected with If-Match: the ETag just read
        browser.type(By.id("correct-minutes"), "25");
        browser.click(By.id("correct"));
        browser.awaitText(By.id("visit-status"), "200");
        assertThat(browser.text(By.id("visit-etag"))).isEqualTo("\"1\"");
        assertThat(browser.text(By.id("visit-minutes"))).isEqualTo("25");

        // what the page did is what the services hold: one visit, corrected once
        as(supporter, Service.VISIT).queryParam("caseId", caseId).when().get("/api/v1/visits").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(visitId))
                .body("items[0].durationMinutes", equalTo(25))
                .body("items[0].version", equalTo(1))
                .body("items[0].recordedBy", equalTo(
                        browser.element(By.id("me")).getDomAttribute("data-user-id")));

        // the supervisor moves the case on: the supporter's page hears of it on the live stream
        as(Logins.password("tokyo-supervisor"), Service.CASE)
                .body(Map.of("to", "ENVIRONMENT", "reason", "家族との面談が進んだ"))
                .when().post("/api/v1/cases/" + caseId + "/phase-transitions").then().statusCode(201);
        String notice = browser.element(By.cssSelector(
                "#notifications li[data-kind='PHASE_CHANGED'][data-case-id='" + caseId + "']")).getText();
        assertThat(notice).contains("PHASE_CHANGED");
        assertThat(browser.text(By.id("error"))).as("the page showed no error").isEmpty();
    }
}
