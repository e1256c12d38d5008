package jp.tsunagu.system;

import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Real logins reach every packaged service, with the claims the realm's mappers put in. */
class FoundationSystemTest {

    private static final String TOKYO_SUPPORTER_1 = "1b0a4c1e-0001-4a6f-9a51-000000000001";

    @Test
    void aDemoSupporterLogsInAndEveryServiceKnowsThem() {
        String token = Logins.password("tokyo-supporter-1");
        for (Service service : Service.values()) {
            given().auth().oauth2(token)
                    .when().get(RunningSystem.get().url(service) + "/api/v1/me")
                    .then().statusCode(200)
                    .body("userId", equalTo(TOKYO_SUPPORTER_1))
                    .body("username", equalTo("tokyo-supporter-1"))
                    .body("roles", hasItem("supporter"))
                    .body("centerId", equalTo("tokyo"))
                    .body("agencyId", nullValue());
        }
    }

    @Test
    void aPartnerAgencyTokenCarriesItsAgency() {
        String token = Logins.clientCredentials("agency-tokyo-police");
        given().auth().oauth2(token)
                .when().get(RunningSystem.get().url(Service.REFERRAL) + "/api/v1/me")
                .then().statusCode(200)
                .body("roles", hasItem("partner-agency"))
                .body("agencyId", equalTo("tokyo-police"))
                .body("centerId", nullValue());
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = Logins.password("osaka-supporter");
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"osaka\"", "\"tokyo\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];
        given().auth().oauth2(forged)
                .when().get(RunningSystem.get().url(Service.CASE) + "/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
