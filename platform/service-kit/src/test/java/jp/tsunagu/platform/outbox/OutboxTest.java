package jp.tsunagu.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.audit.ActorRole;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.events.audit.AuditResult;
import jp.tsunagu.events.audit.AuditSource;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.Infrastructure;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox against the real broker: commit publishes, rollback does not, an outage loses nothing. */
@QuarkusTest
class OutboxTest {

    private static final String SUPPORTER = TestTokens.supporter("tokyo");

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    private static void create(UUID id, boolean fail) {
        given().auth().oauth2(SUPPORTER).contentType("application/json")
                .body(Map.of("id", id.toString(), "name", "outbox", "channel", "VISIT", "failAfterEvent", fail))
                .when().post("/test/probes").then().statusCode(fail ? 500 : 201);
    }

    @Test
    void anEventCommittedWithItsChangeIsPublishedAsACloudEvent() throws Exception {
        UUID id = UUID.randomUUID();
        create(id, false);

        List<EventReader.Record> records = EventReader.forSubject("case-events", id.toString(), 1, Duration.ofSeconds(20));

        assertThat(records).hasSize(1);
        EventReader.Record record = records.get(0);
        assertThat(record.key()).isEqualTo(id.toString());
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(record.header("ce_type")).isEqualTo("case.opened.v1");
        assertThat(record.header("ce_source")).isEqualTo("/tsunagu/service-kit-test");
        assertThat(record.header("ce_id")).isNotBlank();
        assertThat(record.header("ce_time")).isNotBlank();
        assertThat(record.header("content-type")).isEqualTo("application/json");
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertThat(data.get("caseId").asText()).isEqualTo(id.toString());
        assertThat(data.get("centerId").asText()).isEqualTo("tokyo");
        assertThat(data.get("phase").asText()).isEqualTo("ASSESSMENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> row(id)[0] != null);
    }

    @Test
    void aTypeNoLongerWrittenIsRefused() {
        AuditRecorded v1 = new AuditRecorded(AuditSource.VISIT_SERVICE, AuditAction.VISIT_READ, AuditObjectType.VISIT,
                UUID.randomUUID(), UUID.randomUUID(), "tokyo", "peer-1", Set.of(ActorRole.PEER_SUPPORTER), "tokyo",
                AuditResult.SUCCESS, Instant.now(), null);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.append(v1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audit.recorded.v1");
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        UUID rolledBack = UUID.randomUUID();
        UUID committedAfter = UUID.randomUUID();
        create(rolledBack, true);
        create(committedAfter, false);

        // once the later event is on the topic, the earlier one would be too, had it been committed
        List<EventReader.Record> all = EventReader.read("case-events",
                records -> records.stream().anyMatch(r -> committedAfter.toString().equals(r.key())), Duration.ofSeconds(20));

        assertThat(all).anyMatch(r -> committedAfter.toString().equals(r.key()));
        assertThat(all).noneMatch(r -> rolledBack.toString().equals(r.key()));
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownIsPublishedWhenItIsBack() {
        UUID id = UUID.randomUUID();
        Infrastructure.get().stopKafka();
        try {
            create(id, false);
            relay.publishPending();
            assertThat(relay.pendingCount()).isPositive();
            Object[] waiting = row(id);
            assertThat(waiting[0]).as("published_at").isNull();
            assertThat(((Number) waiting[1]).intValue()).as("attempts").isPositive();
            assertThat(waiting[2]).as("last_error").isNotNull();
        } finally {
            Infrastructure.get().startKafka();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pendingCount() == 0);
        List<EventReader.Record> records = EventReader.forSubject("case-events", id.toString(), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(row(id)[0]).as("published_at").isNotNull();
    }

    /** published_at, attempts and last_error of the event about {@code subject}. */
    private Object[] row(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select published_at, attempts, last_error from outbox_event where partition_key = :key")
                .setParameter("key", subject.toString()).getSingleResult());
    }
}
