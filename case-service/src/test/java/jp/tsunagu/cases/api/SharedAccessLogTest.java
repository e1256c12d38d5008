package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.events.audit.ActorRole;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.events.audit.AuditResult;
import jp.tsunagu.events.audit.AuditSource;
import jp.tsunagu.testkit.EventPublisher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The case's access log shows what other services audited on its objects (audit-events), once each. */
@QuarkusTest
class SharedAccessLogTest {

    private static AuditRecorded visitRead(UUID caseId, String center, UUID visitId, AuditResult outcome) {
        return new AuditRecorded(AuditSource.VISIT_SERVICE, AuditAction.VISIT_READ, AuditObjectType.VISIT, visitId,
                caseId, center, TOKYO_PEER.subject(), EnumSet.of(ActorRole.PEER_SUPPORTER), "tokyo", outcome,
                Instant.parse("2026-11-25T01:30:00Z"), "visit-read-1");
    }

    private static List<Map<String, Object>> accessLog(String caseId) {
        return given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("limit", 200)
                .when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> visitEntries(String caseId) {
        return accessLog(caseId).stream().filter(e -> "visit".equals(e.get("objectType"))).toList();
    }

    @Test
    void aVisitReadAtVisitServiceJoinsTheCasesAccessLogOnceWithoutContent() {
        String caseId = openAsTokyoSupporter();
        UUID visitId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        EventPublisher.publish(eventId, visitRead(UUID.fromString(caseId), "tokyo", visitId, AuditResult.SUCCESS));
        EventPublisher.publish(eventId, visitRead(UUID.fromString(caseId), "tokyo", visitId, AuditResult.SUCCESS));
        UUID denied = UUID.randomUUID();
        EventPublisher.publish(denied, visitRead(UUID.fromString(caseId), "tokyo", visitId, AuditResult.DENIED));

        await().atMost(Duration.ofSeconds(30)).until(() -> visitEntries(caseId).size() >= 2);
        List<Map<String, Object>> entries = visitEntries(caseId);
        assertThat(entries).hasSize(2);
        assertThat(entries).extracting(e -> e.get("outcome")).containsExactlyInAnyOrder("SUCCESS", "DENIED");
        Map<String, Object> read = entries.stream().filter(e -> "SUCCESS".equals(e.get("outcome"))).findFirst().orElseThrow();
        assertThat(read).containsEntry("action", "visit.read").containsEntry("objectId", visitId.toString())
                .containsEntry("service", "visit-service").containsEntry("actorId", TOKYO_PEER.subject())
                .containsEntry("actorRoles", "peer-supporter").containsEntry("requestId", "visit-read-1")
                .containsEntry("occurredAt", "2026-11-25T10:30:00+09:00");
        // and the case's own entries stay, served by case-service
        assertThat(accessLog(caseId)).anySatisfy(e -> assertThat(e).containsEntry("action", "case.open")
                .containsEntry("objectType", "case").containsEntry("service", "case-service"));
    }

    @Test
    void anEntryNamingAnotherCenterThanTheCasesIsNotKept() {
        String caseId = openAsTokyoSupporter();
        EventPublisher.publish(visitRead(UUID.fromString(caseId), "osaka", UUID.randomUUID(), AuditResult.SUCCESS));
        // a marker published after it on the same partition (same key): once the marker is in, it was consumed
        UUID marker = UUID.randomUUID();
        EventPublisher.publish(visitRead(UUID.fromString(caseId), "tokyo", marker, AuditResult.SUCCESS));
        await().atMost(Duration.ofSeconds(30)).until(() -> !visitEntries(caseId).isEmpty());
        assertThat(visitEntries(caseId)).extracting(e -> e.get("objectId")).containsExactly(marker.toString());
        given().auth().oauth2(OSAKA_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId + "/access-log")
                .then().statusCode(404);
    }
}
