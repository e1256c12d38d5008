package jp.tsunagu.referrals.api.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditOutcome;
import jp.tsunagu.referrals.PartnerFixtures;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static jp.tsunagu.referrals.ReferralFixtures.CENTER_SYSTEM;
import static jp.tsunagu.referrals.ReferralFixtures.OFF_TEAM;
import static jp.tsunagu.referrals.ReferralFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.PEER;
import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every read and write of a consent or a referral leaves an audit entry in the case's name; refused ones a DENIED one. */
@QuarkusTest
class ReferralAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aPageOfReferralsOfSeveralCasesIsSharedOnceNamingEachCaseOnce() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        List<String> cases = Stream.generate(() -> caseWithTeam(SUPPORTER)).limit(2).toList();
        for (String caseId : cases) {
            String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
            refer(SUPPORTER, referral(caseId, healthCenter, consentId));
            refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        }
        String requestId = "supporter-lists-referrals-" + cases.get(0);
        as(SUPPORTER).header("X-Request-Id", requestId).queryParam("limit", 200).when().get("/api/v1/referrals")
                .then().statusCode(200);

        Predicate<EventReader.Record> ofTheList = r -> requestId.equals(json(r).path("requestId").asText());
        List<EventReader.Record> shared = EventReader.read("audit-events", all -> all.stream().anyMatch(ofTheList),
                Duration.ofSeconds(20)).stream().filter(ofTheList).toList();
        assertThat(shared).hasSize(1); // every case of the page is Tokyo's: one event, not one per case
        JsonNode data = json(shared.get(0));
        assertThat(shared.get(0).header("ce_type")).isEqualTo("audit.recorded.v2");
        assertThat(data.path("action").asText()).isEqualTo("REFERRAL_LIST");
        assertThat(data.path("centerId").asText()).isEqualTo("tokyo");
        List<String> named = new ArrayList<>();
        data.path("caseIds").forEach(c -> named.add(c.asText()));
        // each case once, though two of its referrals are on the page (other tests' cases may be too)
        assertThat(named).containsAll(cases).doesNotHaveDuplicates();
        assertThat(shared.get(0).key()).isEqualTo(named.get(0));
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
                // a consent's path names the consent: the entry is the consent's, in its case's access log
                tuple("consent", consentId, UUID.fromString(caseId)));
    }

    @Test
    void aRefusalByRoleOnAReferralsOrAConsentsPathJoinsTheAccessLogOfItsCase() {
        String caseId = caseWithTeam(SUPPORTER);
        String police = agency("POLICE");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(police));
        String id = refer(SUPPORTER, referral(caseId, police, consentId));
        String partnerReads = "partner-reads-referral-" + id;
        String partnerCancels = "partner-cancels-referral-" + id;
        String supporterOnPartnerApi = "supporter-on-partner-api-" + id;
        String systemWithdraws = "center-system-withdraws-" + id;
        as(partner(police)).header("X-Request-Id", partnerReads).queryParam("q", "佐藤")
                .when().get("/api/v1/referrals/" + id).then().statusCode(403);
        as(partner(police)).header("X-Request-Id", partnerCancels).body(Map.of("reason", Map.of("code", "NO_LONGER_NEEDED")))
                .when().post("/api/v1/referrals/" + id + "/cancellation").then().statusCode(403);
        as(SUPPORTER).header("X-Request-Id", supporterOnPartnerApi).when().get("/api/v1/partner/referrals/" + id)
                .then().statusCode(403);
        as(CENTER_SYSTEM).header("X-Request-Id", systemWithdraws)
                .when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(403);

        assertThat(Stream.of(partnerReads, partnerCancels, supporterOnPartnerApi, systemWithdraws).map(this::keptFor).toList())
                .extracting(e -> e.action, e -> e.outcome, e -> e.actorId, e -> e.objectType, e -> e.objectId, e -> e.caseId)
                .containsExactly(
                        tuple("request.role-refused", AuditOutcome.DENIED, partner(police).subject(), "referral", id, UUID.fromString(caseId)),
                        tuple("request.role-refused", AuditOutcome.DENIED, partner(police).subject(), "referral", id, UUID.fromString(caseId)),
                        tuple("request.role-refused", AuditOutcome.DENIED, SUPPORTER.subject(), "referral", id, UUID.fromString(caseId)),
                        tuple("request.role-refused", AuditOutcome.DENIED, CENTER_SYSTEM.subject(), "consent", consentId,
                                UUID.fromString(caseId)));
        assertThat(keptFor(partnerReads).agencyId).isEqualTo(police);

        // shared with the case's access log in case-service, without the query's other values
        EventReader.Record shared = sharedFor(caseId, partnerReads);
        assertThat(shared.header("ce_type")).isEqualTo("audit.recorded.v2");
        assertThat(shared.value()).doesNotContain("佐藤");
        JsonNode data = json(shared);
        assertThat(List.of("source", "action", "objectType", "objectId", "centerId", "actorId", "outcome").stream()
                .map(field -> data.path(field).asText()).toList()).containsExactly(
                "REFERRAL_SERVICE", "REQUEST_ROLE_REFUSED", "REFERRAL", id, "tokyo", partner(police).subject(), "DENIED");
        assertThat(data.path("caseIds").toString()).isEqualTo("[\"" + caseId + "\"]");
        assertThat(json(sharedFor(caseId, systemWithdraws)).path("objectType").asText()).isEqualTo("CONSENT");
    }

    @Test
    void aRefusalByRoleOnAnObjectWithoutACaseHereOrAMalformedIdIsTheRequestsAlone() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String inbound = as(partner(healthCenter)).body(PartnerFixtures.inbound()).when().post("/api/v1/partner/referrals")
                .then().statusCode(201).extract().path("id");
        String suffix = UUID.randomUUID().toString();
        Map<String, String> paths = Map.of(
                "refused-inbound-" + suffix, "/api/v1/referrals/" + inbound,
                "refused-unknown-referral-" + suffix, "/api/v1/referrals/" + UUID.randomUUID(),
                "refused-unknown-consent-" + suffix, "/api/v1/consents/" + UUID.randomUUID(),
                "refused-malformed-referral-" + suffix, "/api/v1/referrals/" + inbound + "0");
        paths.forEach((requestId, path) -> as(partner(healthCenter)).header("X-Request-Id", requestId).when().get(path)
                .then().statusCode(403));

        assertThat(paths.keySet().stream().map(this::keptFor).toList())
                .extracting(e -> e.action, e -> e.objectType, e -> e.objectId, e -> e.caseId)
                .containsOnly(tuple("request.role-refused", "request", null, null));
    }

    private AuditEntry keptFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from AuditEntry e where e.requestId = :r", AuditEntry.class).setParameter("r", requestId).getSingleResult());
    }

    /** The audit.recorded.v2 of that request, shared on audit-events keyed by its (only) case. */
    private static EventReader.Record sharedFor(String caseId, String requestId) {
        Predicate<EventReader.Record> wanted = r -> caseId.equals(r.key()) && requestId.equals(json(r).path("requestId").asText());
        return EventReader.read("audit-events", all -> all.stream().anyMatch(wanted), Duration.ofSeconds(20)).stream()
                .filter(wanted).findFirst().orElseThrow();
    }

    private static JsonNode json(EventReader.Record record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
