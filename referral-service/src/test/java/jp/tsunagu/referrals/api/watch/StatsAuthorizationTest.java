package jp.tsunagu.referrals.api.watch;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.AuthorizationMatrix;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;

/**
 * GET /stats is for a center's own system and its supervisors: supporters, peer supporters,
 * partner agencies and admins are refused (403), and nobody reads it without a token (401).
 * Which center's figures a caller gets is ReferralStatsTest's.
 */
@QuarkusTest
class StatsAuthorizationTest {

    @TestFactory
    List<DynamicTest> onlyTheCentersSystemAndSupervisorsReadIt() {
        String center = uniqueId("stats-auth");
        return new AuthorizationMatrix()
                .caller("center system", TestTokens.user("system-" + center).roles("center-system").center(center))
                .caller("supervisor", TestTokens.user("supervisor-" + center).roles("supervisor").center(center))
                .caller("supporter", TestTokens.user("supporter-" + center).roles("supporter").center(center))
                .caller("peer supporter", TestTokens.user("peer-" + center).roles("peer-supporter").center(center))
                .caller("partner agency", partner(uniqueId("stats-partner")))
                .caller("admin", TestTokens.user("admin-" + center).roles("admin"))
                .endpoint("GET", "/api/v1/stats", null, "200 200 403 403 403 403")
                .endpoint("GET", "/api/v1/stats?from=2026-01-01&to=2026-03-31", null, "200 200 403 403 403 403")
                .tests();
    }

    @Test
    void withoutATokenItIs401() {
        given().when().get("/api/v1/stats").then().statusCode(401);
    }
}
