package jp.tsunagu.notifications.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells every replica's {@link LiveInbox} whose inbox changed, through PostgreSQL's LISTEN/NOTIFY:
 * the transaction that makes a notification or marks one read also runs {@code pg_notify} with the
 * recipient's id, which PostgreSQL delivers at its commit only (never on a rollback), to every
 * listening connection; each replica keeps one, on a thread of its own, and connects again after a
 * failure (then every local stream looks, as signals may have been missed meanwhile).
 * The payload is a user id, nothing else.
 */
@ApplicationScoped
public class InboxSignals {

    /** The NOTIFY channel. */
    public static final String CHANNEL = "tsunagu_inbox";
    /** The listening connection's application_name (pg_stat_activity shows it). */
    public static final String APPLICATION_NAME = "tsunagu-inbox-signals";

    /** How long one wait for notifications lasts, so a stop is seen soon. */
    private static final int WAIT_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(InboxSignals.class);

    private final EntityManager em;
    private final LiveInbox live;
    private final NotificationConfig config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread listener;

    InboxSignals(EntityManager em, LiveInbox live, NotificationConfig config,
                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                 @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.em = em;
        this.live = live;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** A notification was made: its recipient's streams look, once the transaction commits. */
    void created(@Observes NotificationCreated created) {
        announce(created.notification().recipientId);
    }

    /** Read marks changed: the recipient's streams send the new unread count, once the transaction commits. */
    void changed(@Observes InboxChanged changed) {
        announce(changed.recipientId());
    }

    private void announce(String recipient) {
        // in the caller's transaction: PostgreSQL sends it at commit, once per recipient however often asked
        em.createNativeQuery("select 1 from pg_notify(:channel, :recipient)")
                .setParameter("channel", CHANNEL).setParameter("recipient", recipient).getSingleResult();
    }

    void start(@Observes StartupEvent started) {
        listener = Thread.ofPlatform().name("inbox-signals").daemon().start(this::listen);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        stopped.countDown();
        Thread thread = listener;
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    private void listen() {
        while (running()) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                LOG.debug("inbox signals: listening");
                live.signalAll(); // what committed while no one listened
                relay(connection.unwrap(PGConnection.class), statement);
            } catch (SQLException | RuntimeException e) {
                if (running()) {
                    LOG.warnf("inbox signals: the listening connection failed (%s); connecting again in %s",
                            e.getClass().getSimpleName(), config.stream().listenerRetry());
                    awaitStop(config.stream().listenerRetry());
                }
            }
        }
    }

    /** Hands each signal to the live inbox until stopped; a quiet connection is checked now and then. */
    private void relay(PGConnection connection, Statement statement) throws SQLException {
        long checkEvery = config.stream().heartbeat().toNanos();
        long lastHeard = System.nanoTime();
        while (running()) {
            PGNotification[] notifications = connection.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    if (CHANNEL.equals(notification.getName())) {
                        live.signal(notification.getParameter());
                    }
                }
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > checkEvery) {
                statement.execute("select 1"); // a dead connection fails here rather than staying silent
                lastHeard = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL");
        }
        return connection;
    }

    private void awaitStop(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }
}
