package jp.tsunagu.platform.cloudevents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** CloudEvents binary content mode for Kafka (CloudEvents Kafka protocol binding 1.0). */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, String key, CloudEvent event) {
        Headers headers = new RecordHeaders();
        put(headers, "ce_specversion", CloudEvent.SPEC_VERSION);
        put(headers, "ce_id", event.id().toString());
        put(headers, "ce_type", event.type());
        put(headers, "ce_source", event.source());
        put(headers, "ce_subject", event.subject());
        put(headers, "ce_time", event.time().toString());
        put(headers, "content-type", CloudEvent.DATA_CONTENT_TYPE);
        return new ProducerRecord<>(topic, null, key, event.data(), headers);
    }

    /** Reads the envelope; a record that is not a CloudEvent of ours is rejected as malformed. */
    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        try {
            return new CloudEvent(UUID.fromString(required(record, "ce_id")), required(record, "ce_type"),
                    required(record, "ce_source"), header(record, "ce_subject"),
                    Instant.parse(required(record, "ce_time")), record.value());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getClass().getSimpleName());
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    /** A header's value as text, null when absent. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
