package jp.tsunagu.visits.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static jp.tsunagu.visits.VisitFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.PEER;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.met;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What visit-service audits on a case's visits it shares with the case's access log: one
 * audit.recorded.v1 per act and case on audit-events, keyed by the case, without any content.
 */
@QuarkusTest
class SharedAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private static JsonNode data(EventReader.Record record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit events of the case, waiting until one satisfies {@code wanted}. */
    private static List<EventReader.Record> audits(String caseId, Predicate<JsonNode> wanted) {
        Predicate<EventReader.Record> ofCase = r -> caseId.equals(r.key());
        return EventReader.read("audit-events", all -> all.stream().filter(ofCase).map(SharedAuditTest::data)
                .anyMatch(wanted), Duration.ofSeconds(20)).stream().filter(ofCase).toList();
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
        assertThat(read.header("ce_type")).isEqualTo("audit.recorded.v1");
        assertThat(read.header("ce_subject")).isEqualTo(caseId);
        JsonNode data = data(read);
        assertThat(data.path("source").asText()).isEqualTo("VISIT_SERVICE");
        assertThat(data.path("objectType").asText()).isEqualTo("VISIT");
        assertThat(data.path("objectId").asText()).isEqualTo(visitId);
        assertThat(data.path("caseId").asText()).isEqualTo(caseId);
        assertThat(data.path("centerId").asText()).isEqualTo("tokyo");
        assertThat(data.path("actorId").asText()).isEqualTo(PEER.subject());
        assertThat(data.path("actorRoles").toString()).isEqualTo("[\"PEER_SUPPORTER\"]");
        assertThat(data.path("actorCenterId").asText()).isEqualTo("tokyo");
        assertThat(data.path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(data.path("requestId").asText()).isEqualTo("peer-reads-visit");
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
    void aListIsSharedWithEachCaseWhoseVisitsItAnswered() {
        String first = caseWithTeam(SUPPORTER);
        String second = caseWithTeam(SUPPORTER);
        as(SUPPORTER).body(met(first, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS))).when().post("/api/v1/visits")
                .then().statusCode(201);
        as(SUPPORTER).body(met(second, SUPPORTER, YESTERDAY, YESTERDAY.plus(7, ChronoUnit.DAYS))).when().post("/api/v1/visits")
                .then().statusCode(201);
        as(SUPPORTER).header("X-Request-Id", "list-two-cases").queryParam("visitor", "me").queryParam("limit", 200)
                .queryParam("from", YESTERDAY.minusSeconds(1).toString()).queryParam("to", YESTERDAY.plusSeconds(1).toString())
                .when().get("/api/v1/visits").then().statusCode(200);

        for (String caseId : List.of(first, second)) {
            assertThat(audits(caseId, d -> "list-two-cases".equals(d.path("requestId").asText())).stream()
                    .map(SharedAuditTest::data).filter(d -> "list-two-cases".equals(d.path("requestId").asText())))
                    .singleElement().satisfies(d -> {
                        assertThat(d.path("action").asText()).isEqualTo("VISIT_LIST");
                        assertThat(d.path("objectId").isNull()).isTrue();
                    });
        }
    }
}
