package jp.tsunagu.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads what really reached a topic of the test broker, from the beginning, so a test can assert
 * on published events (and on their absence).
 */
public final class EventReader {

    /** One record as it sits on the topic: key, headers (CloudEvents binary mode), value. */
    public record Record(String key, Map<String, String> headers, String value) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private EventReader() {
    }

    /** All records now on the topic of the test broker, waiting up to {@code wait} until {@code until} holds. */
    public static List<Record> read(String topic, Predicate<List<Record>> until, Duration wait) {
        return read(Infrastructure.get().kafkaBootstrapServers(), topic, until, wait);
    }

    /** The same, from any broker (the system tests' own). */
    public static List<Record> read(String bootstrapServers, String topic, Predicate<List<Record>> until, Duration wait) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<Record> records = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            List<TopicPartition> partitions = List.of();
            while (System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Record(record.key(), headers(record), record.value()));
                }
                if (until.test(records)) {
                    break;
                }
            }
            return records;
        }
    }

    /** Records on the topic whose {@code ce_subject} is the given id, waiting for at least {@code count}. */
    public static List<Record> forSubject(String topic, String subject, int count, Duration wait) {
        return forSubject(Infrastructure.get().kafkaBootstrapServers(), topic, subject, count, wait);
    }

    public static List<Record> forSubject(String bootstrapServers, String topic, String subject, int count, Duration wait) {
        Predicate<Record> ofSubject = r -> subject.equals(r.header("ce_subject"));
        return read(bootstrapServers, topic, all -> all.stream().filter(ofSubject).count() >= count, wait)
                .stream().filter(ofSubject).toList();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
