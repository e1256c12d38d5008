package jp.tsunagu.local;

import jp.tsunagu.infra.KafkaBroker;
import jp.tsunagu.infra.KeycloakServer;
import jp.tsunagu.infra.PostgresServer;

import java.util.Optional;

/** PostgreSQL with one database per service, the Kafka broker, and Keycloak with the tsunagu realm. */
public final class Infrastructure implements AutoCloseable {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;

    private Infrastructure(PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
    }

    public static Infrastructure start(Layout layout) {
        PostgresServer postgres = PostgresServer.start(Optional.of(layout.data().resolve("postgres")), layout.postgresPort());
        KafkaBroker kafka = null;
        try {
            for (Service service : Service.values()) {
                postgres.ensureDatabase(service.database());
            }
            kafka = KafkaBroker.start(layout.data().resolve("kafka"), layout.kafkaPort(), layout.kafkaControllerPort());
            KeycloakServer keycloak = KeycloakServer.start(layout.keycloakHome(), layout.realmFile(),
                    layout.keycloakPort(), layout.keycloakManagementPort());
            return new Infrastructure(postgres, kafka, keycloak);
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            throw e;
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public void close() {
        keycloak.close();
        kafka.close();
        postgres.close();
    }
}
