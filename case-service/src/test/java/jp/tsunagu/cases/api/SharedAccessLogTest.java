package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.events.audit.ActorRole;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.events.audit.AuditRecordedOnCases;
import jp.tsunagu.events.audit.AuditResult;
import jp.tsunagu.events.audit.AuditSource;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.open;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static jp.tsunagu.cases.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The case's access log shows what other services audited on its objects (audit-events), once each. */
@QuarkusTest
class SharedAccessLogTest {

    private static AuditRecordedOnCases visitRead(UUID caseId, String center, UUID visitId, AuditResult outcome) {
        return new AuditRecordedOnCases(AuditSource.VISIT_SERVICE, AuditAction.VISIT_READ, AuditObjectType.VISIT, visitId,
                List.of(caseId), center, TOKYO_PEER.subject(), EnumSet.of(ActorRole.PEER_SUPPORTER), "tokyo", outcome,
                Instant.parse("2026-11-25T01:30:00Z"), "visit-read-1");
    }

    private static List<Map<String, Object>> accessLog(String caseId) {
        return accessLog(TOKYO_SUPERVISOR, caseId);
    }

    private static List<Map<String, Object>> accessLog(TestTokens.Builder supervisor, String caseId) {
        return given().auth().oauth2(supervisor.token()).queryParam("limit", 200)
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
    void aListOfSeveralCasesJoinsTheAccessLogOfEachCaseItNamesOfTheCenterItSays() {
        String first = openAsTokyoSupporter();
        String second = openAsTokyoSupporter();
        String osakas = open(OSAKA_SUPPORTER, openCase()).then().statusCode(201).extract().path("id");
        UUID unknown = UUID.randomUUID();
        String requestId = "referral-list-" + first;
        EventPublisher.publish(new AuditRecordedOnCases(AuditSource.REFERRAL_SERVICE, AuditAction.REFERRAL_LIST,
                AuditObjectType.REFERRAL, null,
                List.of(UUID.fromString(first), unknown, UUID.fromString(osakas), UUID.fromString(second)), "tokyo",
                TOKYO_SUPPORTER.subject(), EnumSet.of(ActorRole.SUPPORTER), "tokyo", AuditResult.SUCCESS,
                Instant.parse("2026-11-25T02:00:00Z"), requestId));

        Predicate<Map<String, Object>> ofTheList = e -> requestId.equals(e.get("requestId"));
        await().atMost(Duration.ofSeconds(30)).until(() -> accessLog(second).stream().anyMatch(ofTheList));
        for (String caseId : List.of(first, second)) {
            assertThat(accessLog(caseId).stream().filter(ofTheList)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("action", "referral.list").containsEntry("objectType", "referral")
                    .containsEntry("service", "referral-service").containsEntry("actorId", TOKYO_SUPPORTER.subject())
                    .containsEntry("outcome", "SUCCESS"));
        }
        // Osaka's case is named under Tokyo: not given the entry (all of the event is kept in one transaction)
        assertThat(accessLog(OSAKA_SUPERVISOR, osakas).stream().filter(ofTheList)).isEmpty();
    }

    @Test
    void anEntryWrittenBeforeTheSecondVersionStillJoinsItsCasesAccessLog() {
        String caseId = openAsTokyoSupporter();
        UUID visitId = UUID.randomUUID();
        EventPublisher.publish(new AuditRecorded(AuditSource.VISIT_SERVICE, AuditAction.VISIT_READ, AuditObjectType.VISIT,
                visitId, UUID.fromString(caseId), "tokyo", TOKYO_PEER.subject(), EnumSet.of(ActorRole.PEER_SUPPORTER),
                "tokyo", AuditResult.SUCCESS, Instant.parse("2026-11-25T01:30:00Z"), "visit-read-v1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !visitEntries(caseId).isEmpty());
        assertThat(visitEntries(caseId)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("objectId", visitId.toString()).containsEntry("requestId", "visit-read-v1")
                .containsEntry("service", "visit-service").containsEntry("actorId", TOKYO_PEER.subject()));
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
