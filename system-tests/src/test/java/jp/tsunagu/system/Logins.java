package jp.tsunagu.system;

import io.restassured.RestAssured;

/** Real tokens from the real Keycloak: password logins of demo users, client credentials of clients. */
public final class Logins {

    public static final String DEMO_PASSWORD = "demo-password";

    private Logins() {
    }

    public static String password(String username) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "tsunagu-app")
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD)
                .when().post(RunningSystem.get().layout().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String clientCredentials(String clientId) {
        return RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret")
                .when().post(RunningSystem.get().layout().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
