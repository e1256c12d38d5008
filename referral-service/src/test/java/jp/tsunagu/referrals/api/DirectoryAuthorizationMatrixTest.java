package jp.tsunagu.referrals.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.referrals.DirectoryFixtures.ADMIN;
import static jp.tsunagu.referrals.DirectoryFixtures.CENTER_SYSTEM;
import static jp.tsunagu.referrals.DirectoryFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.referrals.DirectoryFixtures.PEER;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.DirectoryFixtures.SUPPORTER;
import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.create;
import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;

/**
 * Every directory endpoint with every kind of caller. The directory is shared by all centers (no
 * center scope: Osaka reads Tokyo's police too); the role decides, and a partner agency reaches
 * only its own entry. Creating writes are checked for their refusals (their success is the other
 * tests'); the patch sends If-Match "0" on an agency at version 0, so admin gets through (200).
 */
@QuarkusTest
class DirectoryAuthorizationMatrixTest {

    @TestFactory
    List<DynamicTest> everyEndpointWithEveryCaller() {
        String own = uniqueId("own");
        create(agency(own));
        String listed = uniqueId("listed");
        create(agency(listed));
        String organization = given().auth().oauth2(ADMIN.token()).get("/api/v1/agencies/" + listed).path("hsdsId");
        String service = given().get("/hsds/services?organization_id=" + organization).path("contents[0].id");
        Map<String, Object> newAgency = agency(uniqueId("new"));
        // callers, in this order: supporter, supervisor, peer, center system, osaka supervisor, admin,
        // partner (own agency listed), partner of an agency not in the directory
        String readers = "200 200 200 200 200 200 403 403";
        String adminOnly = "403 403 403 403 403 --- 403 403";
        String everyone = "200 200 200 200 200 200 200 200";
        return new AuthorizationMatrix()
                .caller("supporter", SUPPORTER)
                .caller("supervisor", SUPERVISOR)
                .caller("peer supporter", PEER)
                .caller("center system", CENTER_SYSTEM)
                .caller("osaka supervisor", OSAKA_SUPERVISOR)
                .caller("admin", ADMIN)
                .caller("partner, listed", partner(own))
                .caller("partner, not listed", partner(uniqueId("unlisted")))
                .endpoint("GET", "/api/v1/agencies", null, readers)
                .endpoint("GET", "/api/v1/agencies?kind=POLICE&municipality=新宿区&acceptingReferrals=true", null, readers)
                .endpoint("GET", "/api/v1/agencies/" + listed, null, readers)
                .endpoint("GET", "/api/v1/agencies/no-such-agency", null, "404 404 404 404 404 404 403 403")
                .endpoint("POST", "/api/v1/agencies", newAgency, adminOnly)
                .endpoint("PATCH", "/api/v1/agencies/" + listed, Map.of("notes", "電話が早い"), "403 403 403 403 403 200 403 403")
                .endpoint("POST", "/api/v1/agencies/" + listed + "/webhook/secret-rotation", null, "403 403 403 403 403 409 403 403")
                .endpoint("GET", "/api/v1/partner/agency", null, "403 403 403 403 403 403 200 404")
                .endpoint("GET", "/hsds/", null, everyone)
                .endpoint("GET", "/hsds/services", null, everyone)
                .endpoint("GET", "/hsds/services/" + service, null, everyone)
                .endpoint("GET", "/hsds/organizations", null, everyone)
                .tests();
    }
}
