package jp.tsunagu.referrals.api.partner;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.referrals.DirectoryFixtures;
import jp.tsunagu.testkit.AuthorizationMatrix;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;

import static jp.tsunagu.referrals.PartnerFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.PartnerFixtures.SUPPORTER;
import static jp.tsunagu.referrals.PartnerFixtures.agency;
import static jp.tsunagu.referrals.PartnerFixtures.inbound;
import static jp.tsunagu.referrals.PartnerFixtures.partner;
import static jp.tsunagu.referrals.PartnerFixtures.referral;

/**
 * The partner API with every kind of caller: only partner agencies get in, each to its own
 * agency's referrals (another agency's are 404, as if they did not exist); a partner token naming
 * no agency is refused; partners in turn are refused the center's referral endpoints.
 */
@QuarkusTest
class PartnerAuthorizationMatrixTest {

    @TestFactory
    List<DynamicTest> everyPartnerEndpointWithEveryCaller() {
        String own = agency("PUBLIC_HEALTH_CENTER");
        String other = agency("POLICE");
        String sent = referral(own, false);
        String one = "/api/v1/partner/referrals/" + sent;
        // callers, in this order: supporter, supervisor, center system, admin, the referral's agency,
        // another agency, a partner token naming no agency
        return new AuthorizationMatrix()
                .caller("supporter", SUPPORTER)
                .caller("supervisor", SUPERVISOR)
                .caller("center system", TestTokens.user("pf-center-system").roles("center-system").center("tokyo"))
                .caller("admin", DirectoryFixtures.ADMIN)
                .caller("its agency", partner(own))
                .caller("another agency", partner(other))
                .caller("partner without agency", TestTokens.user("pf-no-agency").roles("partner-agency"))
                .endpoint("GET", "/api/v1/partner/referrals", null, "403 403 403 403 200 200 403")
                .endpoint("GET", "/api/v1/partner/referrals/changes", null, "403 403 403 403 200 200 403")
                .endpoint("GET", one, null, "403 403 403 403 200 404 403")
                .endpoint("POST", one + "/notes", Map.of("text", "確認しました"), "403 403 403 403 200 404 403")
                .endpoint("POST", one + "/status", Map.of("status", "ACCEPTED"), "403 403 403 403 200 404 403")
                .endpoint("POST", "/api/v1/partner/referrals", inbound(), "403 403 403 403 201 201 403")
                .endpoint("GET", "/api/v1/referrals/" + sent, null, "200 200 403 403 403 403 403")
                .endpoint("GET", "/api/v1/referrals", null, "200 200 403 403 403 403 403")
                .tests();
    }
}
