package jp.tsunagu.referrals.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.referrals.DirectoryFixtures.CENTER_SYSTEM;
import static jp.tsunagu.referrals.DirectoryFixtures.PEER;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPPORTER;
import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.DirectoryFixtures.create;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

/** Center staff find agencies by kind, by municipality served and by whether they take referrals now, page by page. */
@QuarkusTest
class AgencyListTest {

    /** A municipality of this test alone, so other tests' agencies do not count. */
    private final String town = "つなぐ町" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void filtersByKindMunicipalityServedAndCapacity() {
        String police = agencyIn(uniqueId("a-police"), "POLICE", town, List.of(), true);
        String clinic = agencyIn(uniqueId("b-clinic"), "PSYCHIATRIC_CLINIC", "隣の市", List.of(town, "隣の市"), false);
        String hc = agencyIn(uniqueId("c-hc"), "PUBLIC_HEALTH_CENTER", town, List.of(town), true);
        agencyIn(uniqueId("d-elsewhere"), "POLICE", "遠くの市", List.of("遠くの市"), true);

        assertThat(ids("municipality=" + town)).containsExactly(police, clinic, hc);
        assertThat(ids("municipality=" + town + "&kind=POLICE")).containsExactly(police);
        assertThat(ids("municipality=" + town + "&acceptingReferrals=false")).containsExactly(clinic);
        assertThat(ids("municipality=" + town + "&acceptingReferrals=true")).containsExactly(police, hc);
        as(PEER).when().get("/api/v1/agencies?kind=POLICE&limit=200").then().statusCode(200)
                .body("items.id", hasItem(police)).body("items.kind", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("POLICE")));
    }

    @Test
    void pagesWalkEveryAgencyOnceInTheOrderOfTheirIds() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(agencyIn(uniqueId("page" + i), "DROP_IN_PLACE", town, List.of(), true));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = as(CENTER_SYSTEM).queryParam("municipality", town).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/api/v1/agencies").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(made.stream().sorted().toList());
    }

    @Test
    void badListParametersAreProblemsNotFailures() {
        as(SUPPORTER).when().get("/api/v1/agencies?limit=0").then().statusCode(400).body("violations.field", contains("limit"));
        as(SUPPORTER).when().get("/api/v1/agencies?limit=201").then().statusCode(400);
        as(SUPPORTER).when().get("/api/v1/agencies?kind=ZOO").then().statusCode(400).body("violations.field", contains("kind"));
        as(SUPPORTER).when().get("/api/v1/agencies?acceptingReferrals=maybe").then().statusCode(400)
                .body("violations.field", contains("acceptingReferrals"));
        // a foreign cursor is a key like any other when it could be one ("eA" is "x"), else refused
        as(SUPPORTER).when().get("/api/v1/agencies?cursor=eA").then().statusCode(200);
        String foreign = java.util.Base64.getUrlEncoder().encodeToString("Robert'); drop table agency;--".getBytes());
        as(SUPPORTER).when().get("/api/v1/agencies?cursor=" + foreign).then().statusCode(400)
                .body("violations.field", contains("cursor"));
        as(SUPPORTER).when().get("/api/v1/agencies?cursor=!!!").then().statusCode(400);
        as(SUPPORTER).urlEncodingEnabled(false).when().get("/api/v1/agencies?municipality=%00").then().statusCode(400)
                .body("violations.field", contains("municipality"));
    }

    private static String agencyIn(String id, String kind, String municipality, List<String> served, boolean accepting) {
        Map<String, Object> body = agency(id);
        body.put("kind", kind);
        body.put("municipality", municipality);
        body.put("serviceArea", served);
        body.put("capacity", Map.of("acceptingReferrals", accepting));
        create(body);
        return id;
    }

    private static List<String> ids(String query) {
        return as(SUPPORTER).when().get("/api/v1/agencies?limit=200&" + query).then().statusCode(200).extract().path("items.id");
    }
}
