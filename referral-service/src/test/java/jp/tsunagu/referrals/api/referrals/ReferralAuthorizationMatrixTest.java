package jp.tsunagu.referrals.api.referrals;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;

import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static jp.tsunagu.referrals.ReferralFixtures.ADMIN;
import static jp.tsunagu.referrals.ReferralFixtures.CENTER_SYSTEM;
import static jp.tsunagu.referrals.ReferralFixtures.OFF_TEAM;
import static jp.tsunagu.referrals.ReferralFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.PEER;
import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.ReferralFixtures.draft;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;

/**
 * Every center endpoint of consents and referrals with every kind of caller: the team's supporter
 * and the center's supervisor act; a peer supporter's role may not (403, though on the team);
 * a supporter off the team and another center's supervisor find nothing (404); a partner agency
 * (which has its own API), the center's system and the admin may not (403). A move succeeds once:
 * the team supporter and the supervisor each move a referral of their own (--- skips the other's cell).
 */
@QuarkusTest
class ReferralAuthorizationMatrixTest {

    @TestFactory
    List<DynamicTest> everyCenterEndpointWithEveryCaller() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        String toWithdraw = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        String toWithdrawToo = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        String open = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        String toCancel = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        String toCancelToo = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        String toSend = refer(SUPPORTER, draft(caseId, healthCenter, consentId));
        String toSendToo = refer(SUPPORTER, draft(caseId, healthCenter, consentId));
        String toAnswer = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        String toAnswerToo = refer(SUPPORTER, referral(caseId, healthCenter, consentId));

        Map<String, Object> cancellation = Map.of("reason", Map.of("code", "NO_LONGER_NEEDED", "text", "本人が辞退"));
        Map<String, Object> send = Map.of("status", "REQUESTED");
        Map<String, Object> answer = Map.of("channel", "PHONE", "status", "ACCEPTED");
        // callers, in this order: team supporter, supervisor, team peer, off-team supporter, osaka supervisor,
        // partner agency (the referrals' own), center system, admin
        String read = "200 200 403 404 404 403 403 403";
        String create = "201 201 403 404 404 403 403 403";
        String bySupporter = "200 --- 403 404 404 403 403 403";
        String bySupervisor = "--- 200 --- --- --- --- --- ---";
        String referrals = "/api/v1/referrals/";
        return new AuthorizationMatrix()
                .caller("team supporter", SUPPORTER)
                .caller("supervisor", SUPERVISOR)
                .caller("team peer", PEER)
                .caller("off-team supporter", OFF_TEAM)
                .caller("osaka supervisor", OSAKA_SUPERVISOR)
                .caller("partner agency", partner(healthCenter))
                .caller("center system", CENTER_SYSTEM)
                .caller("admin", ADMIN)
                .endpoint("POST", "/api/v1/cases/" + caseId + "/consents", consentFor(healthCenter), create)
                .endpoint("GET", "/api/v1/cases/" + caseId + "/consents", null, read)
                .endpoint("GET", "/api/v1/consents/" + consentId, null, read)
                .endpoint("POST", "/api/v1/consents/" + toWithdraw + "/withdrawal", null, bySupporter)
                .endpoint("POST", "/api/v1/consents/" + toWithdrawToo + "/withdrawal", null, bySupervisor)
                .endpoint("POST", "/api/v1/referrals", referral(caseId, healthCenter, consentId), create)
                .endpoint("GET", "/api/v1/referrals?caseId=" + caseId, null, read)
                // without a case: each caller's own list (the off-team and Osaka ones do not hold this case's: ReferralListTest)
                .endpoint("GET", "/api/v1/referrals", null, "200 200 403 200 200 403 403 403")
                .endpoint("GET", referrals + open, null, read)
                .endpoint("POST", referrals + toCancel + "/cancellation", cancellation, bySupporter)
                .endpoint("POST", referrals + toCancelToo + "/cancellation", cancellation, bySupervisor)
                .endpoint("POST", referrals + toSend + "/status", send, bySupporter)
                .endpoint("POST", referrals + toSendToo + "/status", send, bySupervisor)
                .endpoint("POST", referrals + toAnswer + "/agency-answers", answer, bySupporter)
                .endpoint("POST", referrals + toAnswerToo + "/agency-answers", answer, bySupervisor)
                .endpoint("POST", referrals + open + "/notes", Map.of("text", "電話済み"), read)
                .tests();
    }
}
