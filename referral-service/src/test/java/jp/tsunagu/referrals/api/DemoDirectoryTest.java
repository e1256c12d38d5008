package jp.tsunagu.referrals.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.referrals.api.hsds.HsdsSchemas;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.referrals.DirectoryFixtures.ADMIN;
import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The demo directory the run command loads (deploy/local's demo/agencies.json) is accepted by the
 * API as it is, the demo realm's two agency clients find their entries, and its HSDS view is valid.
 */
@QuarkusTest
class DemoDirectoryTest {

    private static final Path DEMO = Path.of("../deploy/local/src/main/resources/demo/agencies.json");

    @Test
    void theDemoAgenciesLoadAndTheRealmsAgencyClientsFindTheirEntries() throws Exception {
        JsonNode agencies = new ObjectMapper().readTree(Files.readString(DEMO));
        assertThat(agencies.findValuesAsText("kind")).contains("PUBLIC_HEALTH_CENTER", "POLICE", "PSYCHIATRIC_CLINIC",
                "DISABILITY_SUPPORT_CENTER", "DROP_IN_PLACE");
        for (JsonNode agency : agencies) {
            as(ADMIN).body(agency.toString()).when().post("/api/v1/agencies").then().statusCode(201);
        }
        for (String realmAgency : List.of("tokyo-health-center", "tokyo-police")) {
            as(partner(realmAgency)).when().get("/api/v1/partner/agency").then().statusCode(200).body("id", equalTo(realmAgency));
        }
        for (JsonNode agency : agencies) {
            String organization = as(ADMIN).when().get("/api/v1/agencies/" + agency.get("id").asText()).path("hsdsId");
            List<String> services = given().when().get("/hsds/services?organization_id=" + organization).path("contents.id");
            assertThat(services).hasSize(agency.get("services").size());
            for (String service : services) {
                HsdsSchemas.assertValid(HsdsSchemas.SERVICE, given().when().get("/hsds/services/" + service).asString());
            }
        }
    }
}
