package jp.tsunagu.testkit;

import jp.tsunagu.infra.KafkaBroker;
import jp.tsunagu.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** PostgreSQL from the embedded binaries and a Kafka broker process, in a temporary folder. */
final class NativeInfrastructure implements Infrastructure {

    private final Path home;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    NativeInfrastructure() {
        try {
            home = Files.createTempDirectory("tsunagu-test-infra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = PostgresServer.start(Optional.empty(), 0);
        kafka = KafkaBroker.start(home.resolve("kafka"), 0, 0);
    }

    @Override
    public String freshDatabase(String name) {
        postgres.dropDatabase(name);
        postgres.ensureDatabase(name);
        return postgres.jdbcUrl(name);
    }

    @Override
    public String postgresPassword() {
        return "";
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stopKafka() {
        kafka.stop();
    }

    @Override
    public void startKafka() {
        kafka.start();
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
