package jp.tsunagu.visits.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditOutcome;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static jp.tsunagu.visits.VisitFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.PARTNER;
import static jp.tsunagu.visits.VisitFixtures.PEER;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.met;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What visit-service audits on cases' visits it shares with their access logs: one
 * audit.recorded.v2 per act and center on audit-events, naming the cases, keyed by the first,
 * without any content.
 */
@QuarkusTest
class SharedAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestTokens.Builder CENTER_SYSTEM = TestTokens.user("v-center-system").roles("center-system").center("tokyo");
    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    EntityManager em;

    private static JsonNode data(EventReader.Record record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit events naming the case, waiting until one satisfies {@code wanted}. */
    private static List<EventReader.Record> audits(String caseId, Predicate<JsonNode> wanted) {
        Predicate<EventReader.Record> ofCase = r -> names(data(r), caseId);
        return EventReader.read("audit-events", all -> all.stream().filter(ofCase).map(SharedAuditTest::data)
                .anyMatch(wanted), Duration.ofSeconds(20)).stream().filter(ofCase).toList();
    }

    private static boolean names(JsonNode data, String caseId) {
        for (JsonNode named : data.path("caseIds")) {
            if (named.asText().equals(caseId)) {
                return true;
            }
        }
        return false;
    }

    /** Each field of the shared entry as expected (an array as its JSON). */
    private static void assertFields(JsonNode data, Map<String, String> expected) {
        expected.forEach((field, value) -> assertThat(data.path(field).isValueNode() ? data.path(field).asText()
                : data.path(field).toString()).as(field).isEqualTo(value));
    }

    @Test
    void aVisitReadIsSharedWithItsCaseWithoutContent() {
        String caseId = caseWithTeam(SUPPORTER, PEER);
        String visitId = as(SUPPORTER).body(met(caseId, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS)))
                .when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
        as(PEER).header("X-Request-Id", "peer-reads-visit").when().get("/api/v1/visits/" + visitId).then().statusCode(200);

        List<EventReader.Record> records = audits(caseId, d -> "VISIT_READ".equals(d.path("action").asText()));
        List<String> actions = new ArrayList<>();
        records.forEach(r -> actions.add(data(r).path("action").asText()));
        assertThat(actions).contains("VISIT_RECORD", "VISIT_READ");
        EventReader.Record read = records.stream().filter(r -> "VISIT_READ".equals(data(r).path("action").asText()))
                .findFirst().orElseThrow();
        assertThat(read.header("ce_type")).isEqualTo("audit.recorded.v2");
        assertThat(read.header("ce_subject")).isEqualTo(caseId);
        assertFields(data(read), Map.of("source", "VISIT_SERVICE", "objectType", "VISIT", "objectId", visitId,
                "caseIds", "[\"" + caseId + "\"]", "centerId", "tokyo", "actorId", PEER.subject(), "actorRoles", "[\"PEER_SUPPORTER\"]",
                "actorCenterId", "tokyo", "outcome", "SUCCESS", "requestId", "peer-reads-visit"));
        // ids, enums and times only: not a word of the visit
        records.forEach(r -> assertThat(r.value()).doesNotContain("表情", "ギター", "手紙", "observations", "notes"));
    }

    @Test
    void anotherCentersRefusedReadIsSharedAsDeniedWithTheVisitsCase() {
        String caseId = caseWithTeam(SUPPORTER);
        String visitId = as(SUPPORTER).body(met(caseId, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS)))
                .when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
        as(OSAKA_SUPERVISOR).when().get("/api/v1/visits/" + visitId).then().statusCode(404);

        JsonNode denied = audits(caseId, d -> "DENIED".equals(d.path("outcome").asText())).stream().map(SharedAuditTest::data)
                .filter(d -> "DENIED".equals(d.path("outcome").asText())).findFirst().orElseThrow();
        assertThat(denied.path("action").asText()).isEqualTo("VISIT_READ");
        assertThat(denied.path("objectId").asText()).isEqualTo(visitId);
        assertThat(denied.path("centerId").asText()).isEqualTo("tokyo");
        assertThat(denied.path("actorId").asText()).isEqualTo(OSAKA_SUPERVISOR.subject());
        assertThat(denied.path("actorCenterId").asText()).isEqualTo("osaka");
    }

    @Test
    void aListIsSharedOnceNamingEachCaseWhoseVisitsItAnswered() {
        String first = caseWithTeam(SUPPORTER);
        String second = caseWithTeam(SUPPORTER);
        as(SUPPORTER).body(met(first, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS))).when().post("/api/v1/visits")
                .then().statusCode(201);
        as(SUPPORTER).body(met(second, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS))).when().post("/api/v1/visits")
                .then().statusCode(201);
        as(SUPPORTER).header("X-Request-Id", "list-two-cases").queryParam("visitor", "me").queryParam("limit", 200)
                .queryParam("from", YESTERDAY.minusSeconds(1).toString()).queryParam("to", YESTERDAY.plusSeconds(1).toString())
                .when().get("/api/v1/visits").then().statusCode(200);

        List<EventReader.Record> lists = audits(first, d -> "list-two-cases".equals(d.path("requestId").asText())).stream()
                .filter(r -> "list-two-cases".equals(data(r).path("requestId").asText())).toList();
        assertThat(lists).hasSize(1);
        EventReader.Record list = lists.get(0);
        assertThat(list.header("ce_type")).isEqualTo("audit.recorded.v2");
        assertThat(list.key()).isEqualTo(list.header("ce_subject"));
        assertFields(data(list), Map.of("action", "VISIT_LIST", "centerId", "tokyo", "actorId", SUPPORTER.subject()));
        assertThat(data(list).path("objectId").isNull()).isTrue();
        List<String> named = new ArrayList<>();
        data(list).path("caseIds").forEach(c -> named.add(c.asText()));
        // both, once each (the supporter's visits of other tests' cases may be in the window too)
        assertThat(named).contains(first, second).doesNotHaveDuplicates();
        assertThat(list.key()).isEqualTo(named.get(0));
    }

    @Test
    void aRefusalByRoleOnACasesVisitPlanOrVisitsIsKeptAndSharedAsDeniedWithTheCase() {
        String caseId = caseWithTeam(SUPPORTER);
        String planRead = "partner-reads-plan-" + caseId;
        String listRead = "partner-lists-visits-" + caseId;
        as(PARTNER).header("X-Request-Id", planRead).when().get("/api/v1/cases/" + caseId + "/visit-plan")
                .then().statusCode(403);
        as(PARTNER).header("X-Request-Id", listRead).queryParam("caseId", caseId).queryParam("q", "佐藤")
                .when().get("/api/v1/visits").then().statusCode(403);

        for (String requestId : List.of(planRead, listRead)) {
            AuditEntry kept = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "from AuditEntry e where e.requestId = :r", AuditEntry.class).setParameter("r", requestId).getSingleResult());
            assertThat(kept.action).isEqualTo("request.role-refused");
            assertThat(kept.outcome).isEqualTo(AuditOutcome.DENIED);
            assertThat(kept.objectType).isEqualTo("case");
            assertThat(kept.objectId).isEqualTo(caseId);
            assertThat(kept.caseId).hasToString(caseId);
            assertThat(kept.actorId).isEqualTo(PARTNER.subject());
            assertThat(kept.agencyId).isEqualTo("tokyo-police");

            EventReader.Record shared = audits(caseId, d -> requestId.equals(d.path("requestId").asText())).stream()
                    .filter(r -> requestId.equals(data(r).path("requestId").asText())).findFirst().orElseThrow();
            assertThat(shared.header("ce_type")).isEqualTo("audit.recorded.v2");
            JsonNode data = data(shared);
            assertFields(data, Map.of("source", "VISIT_SERVICE", "action", "REQUEST_ROLE_REFUSED", "objectType", "CASE",
                    "objectId", caseId, "caseIds", "[\"" + caseId + "\"]", "centerId", "tokyo", "actorId", PARTNER.subject(),
                    "actorRoles", "[\"PARTNER_AGENCY\"]", "outcome", "DENIED"));
            assertThat(data.hasNonNull("actorCenterId")).isFalse();
            assertThat(shared.value()).doesNotContain("佐藤");
        }
    }

    @Test
    void aRefusalByRoleOnAVisitsPathIsKeptAndSharedAsDeniedWithTheVisitsCase() {
        String caseId = caseWithTeam(SUPPORTER);
        String visitId = as(SUPPORTER).body(met(caseId, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS)))
                .when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
        String partnerRead = "partner-reads-visit-" + visitId;
        String systemRead = "system-reads-revisions-" + visitId;
        as(PARTNER).header("X-Request-Id", partnerRead).queryParam("q", "佐藤")
                .when().get("/api/v1/visits/" + visitId).then().statusCode(403);
        as(CENTER_SYSTEM).header("X-Request-Id", systemRead)
                .when().get("/api/v1/visits/" + visitId + "/revisions").then().statusCode(403);

        Map<String, TestTokens.Builder> callers = Map.of(partnerRead, PARTNER, systemRead, CENTER_SYSTEM);
        callers.forEach((requestId, caller) -> {
            AuditEntry kept = keptFor(requestId);
            assertThat(kept.action).isEqualTo("request.role-refused");
            assertThat(kept.outcome).isEqualTo(AuditOutcome.DENIED);
            assertThat(kept.objectType).isEqualTo("visit");
            assertThat(kept.objectId).isEqualTo(visitId);
            assertThat(kept.caseId).hasToString(caseId);
            assertThat(kept.actorId).isEqualTo(caller.subject());

            EventReader.Record shared = audits(caseId, d -> requestId.equals(d.path("requestId").asText())).stream()
                    .filter(r -> requestId.equals(data(r).path("requestId").asText())).findFirst().orElseThrow();
            assertThat(shared.header("ce_type")).isEqualTo("audit.recorded.v2");
            assertFields(data(shared), Map.of("source", "VISIT_SERVICE", "action", "REQUEST_ROLE_REFUSED", "objectType", "VISIT",
                    "objectId", visitId, "caseIds", "[\"" + caseId + "\"]", "centerId", "tokyo", "actorId", caller.subject(),
                    "outcome", "DENIED"));
            assertThat(shared.value()).doesNotContain("佐藤");
        });
        assertThat(keptFor(partnerRead).agencyId).isEqualTo("tokyo-police");
        assertThat(keptFor(systemRead).actorRoles).isEqualTo("center-system");
    }

    @Test
    void aRefusalByRoleOnAVisitThisServiceDoesNotHaveOrAMalformedIdIsTheRequestsAlone() {
        String unknown = "refused-unknown-visit-" + UUID.randomUUID();
        String malformed = "refused-malformed-visit-" + UUID.randomUUID();
        as(PARTNER).header("X-Request-Id", unknown).when().get("/api/v1/visits/" + UUID.randomUUID()).then().statusCode(403);
        as(PARTNER).header("X-Request-Id", malformed).when().get("/api/v1/visits/not-a-visit/revisions").then().statusCode(403);

        for (String requestId : List.of(unknown, malformed)) {
            AuditEntry kept = keptFor(requestId);
            assertThat(kept.action).isEqualTo("request.role-refused");
            assertThat(kept.outcome).isEqualTo(AuditOutcome.DENIED);
            assertThat(kept.objectType).isEqualTo("request");
            assertThat(kept.objectId).isNull();
            assertThat(kept.caseId).isNull();
        }
    }

    private AuditEntry keptFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from AuditEntry e where e.requestId = :r", AuditEntry.class).setParameter("r", requestId).getSingleResult());
    }
}
