package jp.tsunagu.visits.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.visits.VisitFixtures.OTHER_SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.PEER;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.notMet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every act on a visit leaves one audit entry, written by its service; refused attempts leave a DENIED one. */
@QuarkusTest
class VisitAuditTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    EntityManager em;

    private List<AuditEntry> entriesFor(String visitId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from AuditEntry e where e.objectType = 'visit' and e.objectId = :id order by e.id", AuditEntry.class)
                .setParameter("id", visitId).getResultList());
    }

    private static io.restassured.specification.RequestSpecification patch(jp.tsunagu.testkit.TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/merge-patch+json; charset=UTF-8");
    }

    @Test
    void refusedAttemptsOnAVisitLeaveDeniedEntries() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        String visitId = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");

        as(OTHER_SUPPORTER).when().get("/api/v1/visits/" + visitId).then().statusCode(404);
        patch(PEER).header("If-Match", "\"0\"").body(Map.of("durationMinutes", 10))
                .when().patch("/api/v1/visits/" + visitId).then().statusCode(403);

        assertThat(entriesFor(visitId)).extracting(e -> e.actorId, e -> e.action, e -> e.outcome).containsExactly(
                tuple(SUPPORTER.subject(), "visit.record", AuditOutcome.SUCCESS),
                tuple(OTHER_SUPPORTER.subject(), "visit.read", AuditOutcome.DENIED),
                tuple(PEER.subject(), "visit.correct", AuditOutcome.DENIED));
    }

    @Test
    void aCorrectionLeavesOneEntryAndNoneForWhatItLookedUp() {
        String caseId = caseWithTeam(SUPPORTER);
        String visitId = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
        patch(SUPPORTER).header("If-Match", "\"0\"").body(Map.of("durationMinutes", 10))
                .when().patch("/api/v1/visits/" + visitId).then().statusCode(200).header("ETag", "\"1\"");
        as(SUPPORTER).when().get("/api/v1/visits/" + visitId + "/revisions").then().statusCode(200);

        assertThat(entriesFor(visitId)).extracting(e -> e.action)
                .containsExactly("visit.record", "visit.correct", "visit.revisions.read");
    }
}
