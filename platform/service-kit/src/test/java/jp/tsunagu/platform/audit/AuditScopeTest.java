package jp.tsunagu.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.audit.ActorRole;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.events.audit.AuditRecordedOnCases;
import jp.tsunagu.events.audit.AuditResult;
import jp.tsunagu.events.audit.AuditSource;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit entry knows its case: the one the access check noted for the request, or the object
 * itself when it is a case; a case's entries, its objects' and those other services shared, are
 * read together. This test application does not share (tsunagu.audit.share is off).
 */
@QuarkusTest
class AuditScopeTest {

    private static final TestTokens.Builder SUPPORTER = TestTokens.user("scope-supporter").roles("supporter").center("tokyo");

    @Inject
    AuditTrail trail;

    @Inject
    EntityManager em;

    private static void act(String action, String objectType, UUID objectId, Map<UUID, String> cases) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("objectType", objectType);
        body.put("objectId", objectId);
        body.put("cases", cases);
        body.put("denied", false);
        given().auth().oauth2(SUPPORTER.token()).contentType("application/json").body(body)
                .when().post("/test/audit-scope").then().statusCode(204);
    }

    private AuditEntry entryOf(UUID objectId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from AuditEntry e where e.objectId = :id", AuditEntry.class).setParameter("id", objectId.toString())
                .getSingleResult());
    }

    @Test
    void anObjectOfOneCaseIsAnEntryOfThatCase() {
        UUID caseId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        act("visit.read", "visit", visitId, Map.of(caseId, "tokyo"));

        assertThat(entryOf(visitId).caseId).isEqualTo(caseId);
        assertThat(trail.forCase(caseId, PageRequest.of(null, null)).items())
                .singleElement().satisfies(e -> assertThat(e.objectId).isEqualTo(visitId.toString()));
    }

    @Test
    void aCaseIsItsOwnCaseAndAnActOnSeveralCasesIsNoneOfThem() {
        UUID caseId = UUID.randomUUID();
        act("case.read", "case", caseId, Map.of());
        assertThat(entryOf(caseId).caseId).isEqualTo(caseId);

        UUID listed = UUID.randomUUID();
        act("visit.read", "visit", listed, Map.of(UUID.randomUUID(), "tokyo", UUID.randomUUID(), "tokyo"));
        assertThat(entryOf(listed).caseId).isNull();
    }

    @Test
    void aServiceThatDoesNotShareWritesNoAuditEvent() {
        UUID caseId = UUID.randomUUID();
        act("visit.read", "visit", UUID.randomUUID(), Map.of(caseId, "tokyo"));
        Number events = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "select count(*) from outbox_event where topic = 'audit-events' and partition_key = :c")
                .setParameter("c", caseId.toString()).getSingleResult());
        assertThat(events.intValue()).isZero();
    }

    @Test
    void anEntryAnotherServiceSharedIsReadWithTheCase() {
        UUID caseId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        act("case.read", "case", caseId, Map.of());
        QuarkusTransaction.requiringNew().run(() -> trail.recordShared(new AuditRecordedOnCases(AuditSource.VISIT_SERVICE,
                AuditAction.VISIT_READ, AuditObjectType.VISIT, visitId, List.of(caseId), "tokyo", "peer-1",
                EnumSet.of(ActorRole.PEER_SUPPORTER, ActorRole.SUPPORTER), "osaka", AuditResult.DENIED, at, "req-1"), List.of(caseId)));

        List<AuditEntry> entries = trail.forCase(caseId, PageRequest.of(null, null)).items();
        assertThat(entries).extracting(e -> e.action).containsExactly("visit.read", "case.read");
        AuditEntry shared = entries.get(0);
        assertThat(shared.source).isEqualTo("visit-service");
        assertThat(shared.objectType).isEqualTo("visit");
        assertThat(shared.objectId).isEqualTo(visitId.toString());
        assertThat(shared.actorId).isEqualTo("peer-1");
        assertThat(shared.actorRoles).isEqualTo("peer-supporter,supporter");
        assertThat(shared.centerId).isEqualTo("osaka");
        assertThat(shared.outcome).isEqualTo(AuditOutcome.DENIED);
        assertThat(shared.occurredAt).isEqualTo(at);
        assertThat(shared.requestId).isEqualTo("req-1");
        assertThat(shared.remoteAddress).isNull();
        assertThat(entries.get(1).source).isNull();
    }
}
