package jp.tsunagu.local;

import jp.tsunagu.infra.KafkaBroker;
import jp.tsunagu.infra.KeycloakServer;
import jp.tsunagu.infra.MailServer;
import jp.tsunagu.infra.PostgresServer;

import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL with one database per service, the Kafka broker, Keycloak with the tsunagu realm, and
 * GreenMail (SMTP and IMAP) with a mailbox for each demo user.
 */
public final class Infrastructure implements AutoCloseable {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final MailServer mail;
    private final Layout layout;
    private KeycloakServer keycloak;

    private Infrastructure(Layout layout, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak, MailServer mail) {
        this.layout = layout;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.mail = mail;
    }

    public static Infrastructure start(Layout layout) {
        PostgresServer postgres = PostgresServer.start(Optional.of(layout.data().resolve("postgres")), layout.postgresPort(),
                Optional.of(DatabasePassword.of(layout)));
        KafkaBroker kafka = null;
        MailServer mail = null;
        try {
            for (Service service : Service.values()) {
                postgres.ensureDatabase(service.database());
            }
            kafka = KafkaBroker.start(layout.data().resolve("kafka"), layout.kafkaPort(), layout.kafkaControllerPort());
            mail = MailServer.start(layout.data().resolve("mail"), layout.smtpPort(), layout.imapPort(),
                    DemoMailboxes.of(layout.realmFile()));
            return new Infrastructure(layout, postgres, kafka, keycloak(layout), mail);
        } catch (RuntimeException e) {
            if (mail != null) {
                mail.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            throw e;
        }
    }

    private static KeycloakServer keycloak(Layout layout) {
        return KeycloakServer.start(layout.keycloakHome(), layout.realmFile(),
                layout.keycloakPort(), layout.keycloakManagementPort(),
                Map.of("TSUNAGU_DEMO_PAGE_ORIGIN", layout.demoPageUrl()));
    }

    /** Stops Keycloak (a test of what the services do without it); {@link #startKeycloak()} brings it back. */
    public synchronized void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }

    public synchronized void startKeycloak() {
        if (keycloak == null) {
            keycloak = keycloak(layout);
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MailServer mail() {
        return mail;
    }

    @Override
    public synchronized void close() {
        stopKeycloak();
        mail.close();
        kafka.close();
        postgres.close();
    }
}
