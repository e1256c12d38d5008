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
    void aPartnerAgencyIsRefusedOnASupporterEndpoint() {
        given().auth().oauth2(Logins.clientCredentials("agency-tokyo-police"))
                .when().get(RunningSystem.get().url(Service.CASE) + "/api/v1/cases")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aTokenOfOsakaSeesNothingOfTokyo() {
        String tokyo = Logins.password("tokyo-supervisor");
        String caseId = given().auth().oauth2(tokyo).contentType("application/json")
                .body(java.util.Map.of(
                        "intake", java.util.Map.of("receivedAt", "2026-11-20T10:00:00+09:00", "channel", "PHONE",
                                "consultant", java.util.Map.of("relation", "FATHER")),
                        "subject", java.util.Map.of("familyName", "山田", "givenName", "一郎",
                                "familyNameKana", "ヤマダ", "givenNameKana", "イチロウ", "withdrawalSince", "2020-01")))
                .when().post(RunningSystem.get().url(Service.CASE) + "/api/v1/cases")
                .then().statusCode(201).extract().path("id");

        String osaka = Logins.password("osaka-supervisor");
        given().auth().oauth2(osaka).when().get(RunningSystem.get().url(Service.CASE) + "/api/v1/cases/" + caseId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(osaka).queryParam("limit", 200)
                .when().get(RunningSystem.get().url(Service.CASE) + "/api/v1/cases")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(caseId)));
        given().auth().oauth2(tokyo).when().get(RunningSystem.get().url(Service.CASE) + "/api/v1/cases/" + caseId)
                .then().statusCode(200);
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
