package jp.tsunagu.cases.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditOutcome;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.CENTER_SYSTEM;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.PARTNER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every act on a case leaves one audit entry, written by its service; refused attempts leave a
 * DENIED one, a refusal by role alone (before any service) too, and all join the case's access log.
 */
@QuarkusTest
class CaseAuditTest {

    private static final TestTokens.Builder OFF_TEAM = TestTokens.user("audit-off-team").roles("supporter").center("tokyo");

    @Inject
    EntityManager em;

    private List<AuditEntry> entriesFor(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from AuditEntry e where e.objectType = 'case' and e.objectId = :id order by e.id", AuditEntry.class)
                .setParameter("id", caseId).getResultList());
    }

    @Test
    void refusedAttemptsOnACaseAndItsObjectsLeaveDeniedEntries() {
        String caseId = openAsTokyoSupporter();
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(OFF_TEAM.token()).when().get("/api/v1/cases/" + caseId + "/concerns").then().statusCode(404);

        assertThat(entriesFor(caseId)).filteredOn(e -> e.outcome == AuditOutcome.DENIED)
                .extracting(e -> e.actorId, e -> e.action)
                .containsExactly(tuple(OSAKA_SUPERVISOR.subject(), "case.read"),
                        tuple(OFF_TEAM.subject(), "case.concern.read"));
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId + "/access-log")
                .then().statusCode(200)
                .body("items.find { it.actorId == '" + OSAKA_SUPERVISOR.subject() + "' }.outcome",
                        org.hamcrest.Matchers.equalTo("DENIED"));
    }

    @Test
    void refusalsByRoleOnACaseJoinItsAccessLogAsDenied() {
        String caseId = openAsTokyoSupporter();
        given().auth().oauth2(TOKYO_PEER.token()).header("X-Request-Id", "peer-closes-" + caseId)
                .contentType("application/json").body(Map.of("reason", "本人が拒否しているため終結したい"))
                .when().post("/api/v1/cases/" + caseId + "/closure").then().statusCode(403);
        given().auth().oauth2(CENTER_SYSTEM.token()).header("X-Request-Id", "system-reads-" + caseId)
                .when().get("/api/v1/cases/" + caseId).then().statusCode(403);
        given().auth().oauth2(PARTNER.token()).header("X-Request-Id", "partner-reads-" + caseId)
                .when().get("/api/v1/cases/" + caseId + "/plan").then().statusCode(403);

        List<Map<String, Object>> refused = given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("limit", 200)
                .when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(e -> "request.role-refused".equals(e.get("action"))).toList();
        assertThat(refused).extracting(e -> e.get("actorId"), e -> e.get("actorRoles"), e -> e.get("requestId"))
                .containsExactly(tuple(PARTNER.subject(), "partner-agency", "partner-reads-" + caseId),
                        tuple(CENTER_SYSTEM.subject(), "center-system", "system-reads-" + caseId),
                        tuple(TOKYO_PEER.subject(), "peer-supporter", "peer-closes-" + caseId));
        assertThat(refused).allSatisfy(e -> assertThat(e).containsEntry("outcome", "DENIED")
                .containsEntry("objectType", "case").containsEntry("objectId", caseId)
                .containsEntry("service", "case-service"));
        assertThat(refused.toString()).doesNotContain("終結");
    }

    @Test
    void aChangeLeavesOneEntryAndNoneForWhatItLookedUp() {
        String caseId = openAsTokyoSupporter();
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"0\"").body(Map.of("subject", Map.of("address", "東京都中野区")))
                .when().patch("/api/v1/cases/" + caseId).then().statusCode(200).header("ETag", "\"1\"");
        String concern = given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json")
                .body(Map.of("kind", "WISH", "category", "HOBBY", "raisedBy", "SUBJECT"))
                .when().post("/api/v1/cases/" + caseId + "/concerns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"0\"").body(Map.of("status", "IN_PROGRESS"))
                .when().patch("/api/v1/cases/" + caseId + "/concerns/" + concern).then().statusCode(200);

        assertThat(entriesFor(caseId)).extracting(e -> e.action, e -> e.outcome).containsExactly(
                tuple("case.open", AuditOutcome.SUCCESS), tuple("case.update", AuditOutcome.SUCCESS),
                tuple("case.concern.raise", AuditOutcome.SUCCESS), tuple("case.concern.update", AuditOutcome.SUCCESS));
    }
}
