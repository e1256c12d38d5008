package jp.tsunagu.referrals.api.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.referrals.ReferralFixtures.OFF_TEAM;
import static jp.tsunagu.referrals.ReferralFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.PEER;
import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every read and write of a consent or a referral leaves an audit entry in the case's name; refused ones a DENIED one. */
@QuarkusTest
class ReferralAuditTest {

    @Inject
    EntityManager em;

    private List<AuditEntry> entriesFor(String objectType, String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from AuditEntry e where e.objectType = :type and e.objectId = :id order by e.id", AuditEntry.class)
                .setParameter("type", objectType).setParameter("id", id).getResultList());
    }

    @Test
    void aReferralsReadsAndActsAreAuditedInItsCasesName() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        String id = refer(SUPPORTER, referral(caseId, healthCenter, consentId));

        as(SUPPORTER).when().get("/api/v1/referrals/" + id).then().statusCode(200);
        as(SUPERVISOR).when().get("/api/v1/referrals/" + id).then().statusCode(200);
        as(OFF_TEAM).when().get("/api/v1/referrals/" + id).then().statusCode(404);
        as(OSAKA_SUPERVISOR).when().get("/api/v1/referrals/" + id).then().statusCode(404);
        as(SUPPORTER).body(Map.of("text", "確認")).when().post("/api/v1/referrals/" + id + "/notes").then().statusCode(200);
        as(SUPPORTER).body(Map.of("channel", "PHONE", "status", "ACCEPTED"))
                .when().post("/api/v1/referrals/" + id + "/agency-answers").then().statusCode(200);
        as(SUPPORTER).body(Map.of("reason", Map.of("code", "NO_LONGER_NEEDED")))
                .when().post("/api/v1/referrals/" + id + "/cancellation").then().statusCode(200);

        List<AuditEntry> entries = entriesFor("referral", id);
        assertThat(entries).extracting(e -> e.actorId, e -> e.action, e -> e.outcome).containsExactly(
                tuple(SUPPORTER.subject(), "referral.create", AuditOutcome.SUCCESS),
                tuple(SUPPORTER.subject(), "referral.read", AuditOutcome.SUCCESS),
                tuple(SUPERVISOR.subject(), "referral.read", AuditOutcome.SUCCESS),
                tuple(OFF_TEAM.subject(), "referral.read", AuditOutcome.DENIED),
                tuple(OSAKA_SUPERVISOR.subject(), "referral.read", AuditOutcome.DENIED),
                tuple(SUPPORTER.subject(), "referral.note", AuditOutcome.SUCCESS),
                tuple(SUPPORTER.subject(), "referral.agency-answer", AuditOutcome.SUCCESS),
                tuple(SUPPORTER.subject(), "referral.move", AuditOutcome.SUCCESS));
        // each in the case's name, so that it joins the case's access log
        assertThat(entries).allSatisfy(e -> assertThat(e.caseId).isEqualTo(UUID.fromString(caseId)));
        assertThat(entries.get(1).centerId).isEqualTo("tokyo");
    }

    @Test
    void aConsentsReadsAndWithdrawalAreAudited() {
        String caseId = caseWithTeam(SUPPORTER);
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(agency("POLICE")));
        as(SUPERVISOR).when().get("/api/v1/consents/" + consentId).then().statusCode(200);
        as(OFF_TEAM).when().get("/api/v1/consents/" + consentId).then().statusCode(404);
        as(SUPPORTER).when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(200);

        assertThat(entriesFor("consent", consentId)).extracting(e -> e.actorId, e -> e.action, e -> e.outcome, e -> e.caseId)
                .containsExactly(
                        tuple(SUPPORTER.subject(), "consent.record", AuditOutcome.SUCCESS, UUID.fromString(caseId)),
                        tuple(SUPERVISOR.subject(), "consent.read", AuditOutcome.SUCCESS, UUID.fromString(caseId)),
                        tuple(OFF_TEAM.subject(), "consent.read", AuditOutcome.DENIED, UUID.fromString(caseId)),
                        tuple(SUPPORTER.subject(), "consent.withdraw", AuditOutcome.SUCCESS, UUID.fromString(caseId)));
    }

    @Test
    void aRefusalByRoleIsAuditedInTheNameOfTheCaseItsPathNames() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(agency("POLICE")));
        as(PEER).header("X-Request-Id", "peer-lists-consents-" + caseId)
                .when().get("/api/v1/cases/" + caseId + "/consents").then().statusCode(403);
        as(PEER).header("X-Request-Id", "peer-reads-consent-" + caseId)
                .when().get("/api/v1/consents/" + consentId).then().statusCode(403);

        List<AuditEntry> refused = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from AuditEntry e where e.requestId like :r order by e.id", AuditEntry.class)
                .setParameter("r", "peer-%-" + caseId).getResultList());
        assertThat(refused).extracting(e -> e.action, e -> e.outcome, e -> e.actorId).containsOnly(
                tuple("request.role-refused", AuditOutcome.DENIED, PEER.subject()));
        assertThat(refused).extracting(e -> e.objectType, e -> e.objectId, e -> e.caseId).containsExactly(
                // the case's path names it: the entry is the case's, shared with its access log
                tuple("case", caseId, UUID.fromString(caseId)),
                // a consent's path names no case: the entry is the request's alone
                tuple("request", null, null));
    }
}
