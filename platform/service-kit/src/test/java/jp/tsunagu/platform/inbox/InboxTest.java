package jp.tsunagu.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Idempotent consumption and dead letters, with events put on the real broker by the test. */
@QuarkusTest
class InboxTest {

    @Inject
    EntityManager em;

    private static ProducerRecord<String, String> caseOpened(UUID eventId, UUID caseId, String caseNumber) {
        String data = """
                {"caseId":"%s","centerId":"tokyo","caseNumber":"%s","phase":"ASSESSMENT","status":"OPEN",
                 "intakeChannel":"PHONE","openedAt":"2026-11-25T00:00:00Z","openedBy":"u-1"}""".formatted(caseId, caseNumber);
        ProducerRecord<String, String> record = new ProducerRecord<>("case-events", caseId.toString(), data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId.toString());
        header(record, "ce_type", "case.opened.v1");
        header(record, "ce_source", "/tsunagu/inbox-test");
        header(record, "ce_subject", caseId.toString());
        header(record, "ce_time", Instant.now().toString());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(ProducerRecord<String, String> record) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        }
    }

    private long effectsFor(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from probe_effect where case_id = :c")
                .setParameter("c", caseId).getSingleResult()).longValue());
    }

    @Test
    void aRedeliveredEventTakesEffectOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        send(caseOpened(eventId, caseId, "C-2026-000001"));
        send(caseOpened(eventId, caseId, "C-2026-000001"));
        send(caseOpened(UUID.randomUUID(), marker, "C-2026-000002"));

        // the marker comes after both copies on the same... different partition maybe: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(marker) == 1 && effectsFor(caseId) >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> effectsFor(caseId) == 1);
    }

    @Test
    void anEventThatKeepsFailingGoesToTheDeadLetterTopicAndTheRestGoesOn() throws Exception {
        UUID poison = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        send(caseOpened(UUID.randomUUID(), poison, "C-POISON-1"));
        send(caseOpened(UUID.randomUUID(), healthy, "C-2026-000003"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(healthy) == 1);
        assertThat(EventReader.forSubject("case-events.dlq", poison.toString(), 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(effectsFor(poison)).isZero();
    }

    @Test
    void anEventWhoseEffectFindsSomethingUnavailableWaitsAndIsAppliedOnceItIsBackNeverDeadLettered() throws Exception {
        UUID waiting = UUID.randomUUID();
        send(caseOpened(UUID.randomUUID(), waiting, "C-UNAVAILABLE-1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(waiting) == 1);
        assertThat(jp.tsunagu.platform.probe.ProbeConsumer.UNAVAILABLE_TRIES.get(waiting))
                .as("four failures, more than the three attempts, then the effect: a dead-lettered event has none").isEqualTo(5);
    }
}
