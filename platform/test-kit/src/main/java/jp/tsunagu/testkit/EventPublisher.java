package jp.tsunagu.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Puts contract events on the test broker as another service would (CloudEvents binary mode, key =
 * case id), so a consumer can be tested before, or without, the service that produces them.
 */
public final class EventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventPublisher() {
    }

    /** Publishes the event with a new id; answers the id. */
    public static UUID publish(EventData data) {
        UUID id = UUID.randomUUID();
        publish(id, data);
        return id;
    }

    /** Publishes the event with the given id (the same id twice is a redelivery). */
    public static void publish(UUID eventId, EventData data) {
        EventType type = EventType.of(data.getClass()).orElseThrow();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            String key = data.partitionKey().toString();
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic().topicName(), key,
                    JSON.writeValueAsString(data));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", eventId.toString());
            header(record, "ce_type", type.type());
            header(record, "ce_source", "/tsunagu/test");
            header(record, "ce_subject", key);
            header(record, "ce_time", Instant.now().toString());
            header(record, "content-type", "application/json");
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.type(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
