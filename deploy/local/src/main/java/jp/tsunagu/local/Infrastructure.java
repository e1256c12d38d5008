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
    private final KeycloakServer keycloak;
    private final MailServer mail;

    private Infrastructure(PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak, MailServer mail) {
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
            KeycloakServer keycloak = KeycloakServer.start(layout.keycloakHome(), layout.realmFile(),
                    layout.keycloakPort(), layout.keycloakManagementPort(),
                    Map.of("TSUNAGU_DEMO_PAGE_ORIGIN", layout.demoPageUrl()));
            return new Infrastructure(postgres, kafka, keycloak, mail);
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
    public void close() {
        keycloak.close();
        mail.close();
        kafka.close();
        postgres.close();
    }
}
