package jp.tsunagu.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CallerScopeTest {

    @Test
    void claimsOfACenterUserReachTheCallerScope() {
        TestTokens.Builder user = TestTokens.user("tokyo-supporter-1").roles("supporter", "offline_access").center("tokyo");
        given().auth().oauth2(user.token())
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("userId", equalTo(user.subject()))
                .body("username", equalTo("tokyo-supporter-1"))
                .body("roles", contains("offline_access", "supporter"))
                .body("centerId", equalTo("tokyo"))
                .body("agencyId", nullValue());
    }

    @Test
    void anAgencyClaimReachesTheCallerScope() {
        given().auth().oauth2(TestTokens.partnerAgency("tokyo-police"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("agencyId", equalTo("tokyo-police"))
                .body("centerId", nullValue())
                .body("roles", contains("partner-agency"));
    }

    @Test
    void withoutAValidTokenThereIsNoCaller() {
        given().when().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        String foreignIssuer = TestTokens.user("x").roles("supporter").issuer("https://elsewhere.invalid").token();
        given().auth().oauth2(foreignIssuer).when().get("/api/v1/me").then().statusCode(401);
        String expired = TestTokens.user("x").roles("supporter").expiresAt(java.time.Instant.now().minusSeconds(600)).token();
        given().auth().oauth2(expired).when().get("/api/v1/me").then().statusCode(401);
        String token = TestTokens.supporter("tokyo");
        String tampered = token.substring(0, token.lastIndexOf('.') - 4) + "AAAA" + token.substring(token.lastIndexOf('.'));
        given().auth().oauth2(tampered).when().get("/api/v1/me").then().statusCode(401);
    }
}
