package jp.tsunagu.system;

import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The places of a running system where personal text must never be: every record of every topic
 * (key, headers, value), every line of every log, every row of the outbox tables. Each place hands
 * its texts, one by one with where they are, to a consumer.
 */
final class PrivacyPlaces {

    /** One text found somewhere, and where. */
    record Text(String where, String text) {
    }

    private PrivacyPlaces() {
    }

    /** Every record of every topic but Kafka's own, from the beginning to the end it has now. */
    static void kafkaRecords(Layout layout, Consumer<Text> each) {
        String servers = "127.0.0.1:" + layout.kafkaPort();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            topics = admin.listTopics().names().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : topics.stream().filter(t -> !t.startsWith("__")).sorted().toList()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        StringBuilder text = new StringBuilder(utf8(record.key())).append('\n');
                        for (Header header : record.headers()) {
                            text.append(header.key()).append('=').append(utf8(header.value())).append('\n');
                        }
                        text.append(utf8(record.value()));
                        each.accept(new Text("kafka " + topic + "-" + record.partition() + "@" + record.offset(),
                                text.toString()));
                    }
                }
            }
        }
    }

    /** Every line of every file under the layout's logs folder (the services' and the infrastructure's). */
    static void logLines(Layout layout, Consumer<Text> each) {
        try (Stream<Path> files = Files.walk(layout.logs())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    each.accept(new Text("log " + layout.logs().relativize(file) + ":" + (i + 1), lines.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of the tables named {@code like} in the service's database, each as its whole text. */
    static void rows(Service service, String like, Consumer<Text> each) {
        List<String> tables = ServiceDatabase.strings(service, "select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE' and table_name like ?", like);
        if (tables.isEmpty()) {
            throw new IllegalStateException(service.database() + " has no table like " + like);
        }
        for (String table : tables) {
            List<String> rows = ServiceDatabase.strings(service, "select t::text from \"" + table + "\" t");
            for (int row = 0; row < rows.size(); row++) {
                each.accept(new Text("db " + service.database() + "." + table + " row " + (row + 1), rows.get(row)));
            }
        }
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
