package jp.tsunagu.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The production images through Testcontainers, for machines with a Docker engine
 * ({@code -Dtestkit.infra=containers}). A broker outage is a paused container.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18-alpine");
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    ContainerInfrastructure() {
        postgres.start();
        kafka.start();
    }

    @Override
    public String freshDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword()); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getFirstMappedPort() + "/" + name;
    }

    @Override
    public String postgresPassword() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void stopKafka() {
        kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startKafka() {
        kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
