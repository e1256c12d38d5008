package jp.tsunagu.system;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a mobile app gets from the realm's public client {@code tsunagu-app}: its native redirect
 * URI (a private-use URI scheme, RFC 8252) is registered, and a supporter's app that asks for
 * {@code offline_access} keeps its session through a day of visits without signal (idle 48 h,
 * two weeks at most), refreshing as soon as it is back online.
 */
class AppSessionSystemTest {

    private static final String NATIVE_REDIRECT = "jp.tsunagu.app:/oauth2redirect";

    private static String endpoint(String name) {
        return RunningSystem.get().layout().issuer() + "/protocol/openid-connect/" + name;
    }

    private static JsonPath login(String scope) {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "tsunagu-app")
                .formParam("username", "tokyo-supporter-1").formParam("password", Logins.DEMO_PASSWORD)
                .formParam("scope", scope)
                .when().post(endpoint("token")).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void theNativeRedirectUriIsRegisteredAndAnotherIsNot() {
        RestAssured.given().redirects().follow(false).queryParam("client_id", "tsunagu-app")
                .queryParam("response_type", "code").queryParam("scope", "openid offline_access")
                .queryParam("redirect_uri", NATIVE_REDIRECT).queryParam("code_challenge_method", "S256")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .when().get(endpoint("auth")).then().statusCode(200);
        RestAssured.given().redirects().follow(false).queryParam("client_id", "tsunagu-app")
                .queryParam("response_type", "code").queryParam("redirect_uri", "com.evil.app:/oauth2redirect")
                .queryParam("code_challenge_method", "S256")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .when().get(endpoint("auth")).then().statusCode(400);
    }

    @Test
    void anAppAskingForOfflineAccessKeepsItsSessionThroughADayWithoutSignal() {
        JsonPath offline = login("openid offline_access");
        assertThat(offline.getInt("refresh_expires_in")).as("idle for up to 48 h").isEqualTo(172_800);
        JsonPath refresh = claims(offline.getString("refresh_token"));
        assertThat(refresh.getString("typ")).isEqualTo("Offline");
        assertThat(refresh.getLong("exp") - refresh.getLong("iat")).as("and two weeks at most")
                .isLessThanOrEqualTo(1_209_600L).isGreaterThanOrEqualTo(172_800L - 5);

        // back online: the refresh token gives a new access token, which the services accept
        String access = RestAssured.given().formParam("grant_type", "refresh_token").formParam("client_id", "tsunagu-app")
                .formParam("refresh_token", offline.getString("refresh_token"))
                .when().post(endpoint("token")).then().statusCode(200).extract().path("access_token");
        RestAssured.given().auth().oauth2(access).baseUri(RunningSystem.get().url(Service.CASE))
                .when().get("/api/v1/me").then().statusCode(200).body("username", equalTo("tokyo-supporter-1"));

        JsonPath online = login("openid");
        assertThat(online.getInt("refresh_expires_in")).as("without offline_access: the realm's SSO session")
                .isLessThan(172_800);
        assertThat(claims(online.getString("refresh_token")).getString("typ")).isEqualTo("Refresh");
    }
}
