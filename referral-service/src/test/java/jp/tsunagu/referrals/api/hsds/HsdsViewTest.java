package jp.tsunagu.referrals.api.hsds;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.referrals.DirectoryFixtures.ADMIN;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPPORTER;
import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.DirectoryFixtures.create;
import static jp.tsunagu.referrals.DirectoryFixtures.secret;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The directory in the HSDS 3.0 API shape: public, read-only, paged the HSDS way, and every
 * answer valid against Open Referral's own schemas (src/test/resources/hsds).
 */
@QuarkusTest
class HsdsViewTest {

    @Test
    void theRootSaysWhichHsdsAndWhereTheOpenApiDocumentIs() {
        for (String path : List.of("/hsds/", "/hsds")) {
            String root = given().when().get(path).then().statusCode(200).contentType("application/json")
                    .body("version", equalTo("3.0")).body("openapi_url", startsWith("http"))
                    .extract().asString();
            HsdsSchemas.assertValid(HsdsSchemas.ROOT, root);
            // the OpenAPI document it names says the HSDS view is public, and why
            given().when().get(JsonPath.from(root).getString("openapi_url")).then().statusCode(200)
                    .body("paths", org.hamcrest.Matchers.hasKey("/hsds/services"))
                    .body("paths.'/hsds/services'.get.security", org.hamcrest.Matchers.nullValue())
                    .body("paths.'/hsds/services/{id}'.get.security", org.hamcrest.Matchers.nullValue())
                    .body("tags.find { it.name == 'hsds' }.description", org.hamcrest.Matchers.containsString("need no token"));
        }
    }

    @Test
    void aServiceFullyNestedWithItsOrganizationLocationPhonesAndAreas() {
        String parent = uniqueId("ward");
        create(agency(parent));
        String id = uniqueId("hc");
        Map<String, Object> body = agency(id);
        body.put("parentId", parent);
        body.put("serviceArea", List.of("新宿区", "中野区"));
        body.put("services", List.of(Map.of("name", "精神保健福祉相談", "status", "TEMPORARILY_CLOSED")));
        body.put("webhook", Map.of("url", "https://hc.example.jp/private-hook", "secret", secret(32)));
        create(body);
        String organization = hsdsId(id);
        String service = given().when().get("/hsds/services?organization_id=" + organization).then().statusCode(200)
                .extract().path("contents[0].id");

        String answer = given().when().get("/hsds/services/" + service).then().statusCode(200)
                .body("id", equalTo(service)).body("organization_id", equalTo(organization))
                .body("status", equalTo("temporarily closed"))
                .body("organization.id", equalTo(organization))
                .body("organization.parent_organization_id", equalTo(hsdsId(parent)))
                .body("organization.organization_identifiers[0].identifier", equalTo(id))
                .body("organization.attributes[0].taxonomy_term.code", equalTo("PUBLIC_HEALTH_CENTER"))
                .body("service_areas.name", containsInAnyOrder("新宿区", "中野区"))
                .body("phones.type", contains("voice", "fax"))
                .body("contacts[0].department", equalTo("保健予防課 精神保健係"))
                .body("service_at_locations[0].location.addresses[0].postal_code", equalTo("162-0052"))
                .body("service_at_locations[0].location.addresses[0].state_province", equalTo("東京都"))
                .body("service_at_locations[0].location.addresses[0].city", equalTo("新宿区"))
                .body("service_at_locations[0].location.addresses[0].address_1", equalTo("戸山一丁目1番1号"))
                .body("service_at_locations[0].location.addresses[0].country", equalTo("JP"))
                .extract().asString();
        HsdsSchemas.assertValid(HsdsSchemas.SERVICE, answer);
        // public data only: no capacity, no notes, nothing of the webhook
        assertThat(answer).doesNotContain("FAXの前に", "訪問は2週間待ち", "private-hook", "whsec_", "accepting");
        // the same parts keep their ids from one answer to the next
        assertThat(given().when().get("/hsds/services/" + service).asString()).isEqualTo(answer);
    }

    @Test
    void anAgencyWithOnlyWhatIsRequiredIsValidHsdsToo() {
        String id = uniqueId("bare");
        Map<String, Object> body = agency(id);
        body.remove("location");
        body.remove("contact");
        body.remove("email");
        body.remove("website");
        body.remove("serviceArea");
        body.put("services", List.of(Map.of("name", "居場所")));
        create(body);
        String service = given().when().get("/hsds/services?organization_id=" + hsdsId(id)).then().extract().path("contents[0].id");
        HsdsSchemas.assertValid(HsdsSchemas.SERVICE, given().when().get("/hsds/services/" + service).then().statusCode(200).extract().asString());
    }

    @Test
    void servicesArePagedTheHsdsWay() {
        String id = uniqueId("paged");
        Map<String, Object> body = agency(id);
        body.put("services", List.of(Map.of("name", "一"), Map.of("name", "二"), Map.of("name", "三")));
        create(body);
        String organization = hsdsId(id);
        String first = given().queryParam("organization_id", organization).queryParam("per_page", 2)
                .when().get("/hsds/services").then().statusCode(200)
                .body("total_items", equalTo(3)).body("total_pages", equalTo(2)).body("page_number", equalTo(1))
                .body("size", equalTo(2)).body("first_page", equalTo(true)).body("last_page", equalTo(false))
                .body("empty", equalTo(false)).body("contents.name", contains("一", "二"))
                .extract().asString();
        HsdsSchemas.assertValid(HsdsSchemas.SERVICES, first);
        String last = given().queryParam("organization_id", organization).queryParam("per_page", 2).queryParam("page", 2)
                .when().get("/hsds/services").then().statusCode(200)
                .body("page_number", equalTo(2)).body("size", equalTo(1)).body("first_page", equalTo(false))
                .body("last_page", equalTo(true)).body("contents.name", contains("三")).extract().asString();
        HsdsSchemas.assertValid(HsdsSchemas.SERVICES, last);
        String beyond = given().queryParam("organization_id", organization).queryParam("per_page", 2).queryParam("page", 3)
                .when().get("/hsds/services").then().statusCode(200)
                .body("total_items", equalTo(3)).body("size", equalTo(0)).body("empty", equalTo(true))
                .body("contents.size()", equalTo(0)).extract().asString();
        HsdsSchemas.assertValid(HsdsSchemas.SERVICES, beyond);
    }

    @Test
    void everyPageOfServicesAndOrganizationsIsValidAndEachItemComesOnce() {
        create(agency(uniqueId("walk")));
        for (String list : List.of("services", "organizations")) {
            Set<String> seen = new HashSet<>();
            List<String> pages = new ArrayList<>();
            int total = -1;
            for (int page = 1; page < 1000; page++) {
                String answer = given().queryParam("page", page).queryParam("per_page", 3)
                        .when().get("/hsds/" + list).then().statusCode(200).extract().asString();
                pages.add(answer);
                JsonPath json = JsonPath.from(answer);
                total = json.getInt("total_items");
                List<String> ids = json.getList("contents.id");
                assertThat(ids).allSatisfy(itemId -> assertThat(seen.add(itemId)).as("%s once", itemId).isTrue());
                if (json.getBoolean("last_page")) {
                    assertThat(json.getInt("total_pages")).isEqualTo(page);
                    break;
                }
            }
            assertThat(seen).hasSize(total);
            com.networknt.schema.JsonSchema schema = list.equals("services") ? HsdsSchemas.SERVICES : HsdsSchemas.ORGANIZATIONS;
            pages.forEach(page -> HsdsSchemas.assertValid(schema, page));
        }
    }

    @Test
    void organizationsNameTheirParent() {
        String parent = uniqueId("city");
        create(agency(parent));
        String child = uniqueId("child");
        Map<String, Object> body = agency(child);
        body.put("parentId", parent);
        create(body);
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath json = given().queryParam("page", page).queryParam("per_page", 200).when().get("/hsds/organizations").jsonPath();
            organizations.addAll(json.getList("contents"));
            if (json.getBoolean("last_page")) {
                break;
            }
        }
        assertThat(organizations).filteredOn(o -> o.get("id").equals(hsdsId(child))).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("parent_organization_id", hsdsId(parent))
                        .containsEntry("name", "新宿区保健所").doesNotContainKey("notes"));
    }

    @Test
    void wrongPagesAndUnknownServicesAreProblems() {
        given().when().get("/hsds/services?page=0").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/hsds/organizations?per_page=201").then().statusCode(400);
        given().when().get("/hsds/services?organization_id=tokyo-police").then().statusCode(400);
        given().when().get("/hsds/services/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/hsds/services/not-a-uuid").then().statusCode(404);
        given().when().get("/hsds/services?page=2147483647&per_page=200").then().statusCode(200).body("empty", equalTo(true));
    }

    @Test
    void readableWithoutATokenAndWithAnyToken() {
        given().when().get("/hsds/organizations").then().statusCode(200);
        as(SUPPORTER).when().get("/hsds/organizations").then().statusCode(200);
        given().auth().oauth2("not-a-token").when().get("/hsds/organizations").then().statusCode(200);
    }

    private static String hsdsId(String agencyId) {
        return as(ADMIN).when().get("/api/v1/agencies/" + agencyId).then().statusCode(200).extract().path("hsdsId");
    }
}
