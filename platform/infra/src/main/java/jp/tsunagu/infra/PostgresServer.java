package jp.tsunagu.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL 18 from the embedded binaries (zonky; works as root through unshare).
 * With a data directory the data survives restarts, and a commit is acknowledged only once it is
 * on disk (fsync and synchronous_commit on: what the run command and the system tests use);
 * without one it lives in a temporary folder, fast and forgetful, for component tests.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    /** pg_hba.conf of a server with a password: every connection gives it. */
    private static final String PASSWORD_ONLY = """
            # Tsunagu: every connection gives the password (the run command keeps it under .local/secrets)
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final Optional<Path> dataDirectory;
    private final Optional<String> password;
    private volatile EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres, Optional<Path> dataDirectory, Optional<String> password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    public static PostgresServer start(Optional<Path> dataDirectory, int port) {
        return start(dataDirectory, port, Optional.empty());
    }

    /**
     * The same; with a password, every connection must give it (scram-sha-256 in pg_hba.conf, set
     * on the first start, before anything but this code has connected). A password needs a data
     * directory, where the rule is kept.
     */
    public static PostgresServer start(Optional<Path> dataDirectory, int port, Optional<String> password) {
        return start(dataDirectory, port, password, Optional.empty());
    }

    /**
     * The same; with a WAL archive, every finished segment of the write-ahead log is copied there
     * (at least once a minute), so that a base backup ({@link PostgresBackup}) and the archive
     * restore the server to any moment since the backup.
     */
    public static PostgresServer start(Optional<Path> dataDirectory, int port, Optional<String> password,
                                       Optional<Path> walArchive) {
        if (walArchive.isPresent() && dataDirectory.isEmpty()) {
            throw new IllegalArgumentException("a WAL archive is of durable data: give a data directory");
        }
        if (password.isPresent() && dataDirectory.isEmpty()) {
            throw new IllegalArgumentException("a password is kept with the data: give a data directory");
        }
        password.filter(p -> !p.matches("[A-Za-z0-9_-]{16,}")).ifPresent(p -> {
            throw new IllegalArgumentException("a generated password: 16 or more of A-Z a-z 0-9 _ -");
        });
        PostgresServer server = new PostgresServer(launch(dataDirectory, port, password), dataDirectory, password);
        if (password.isPresent()) {
            server.requirePassword(dataDirectory.get(), password.get());
        }
        walArchive.ifPresent(server::archiveTo);
        return server;
    }

    private static EmbeddedPostgres launch(Optional<Path> dataDirectory, int port, Optional<String> password) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", durable(dataDirectory))
                    // zonky's default is off: a 201 could vanish if the machine stopped right after it
                    .setServerConfig("synchronous_commit", durable(dataDirectory))
                    // what each statement costs, for operations and for the benches that set the
                    // services' statements beside pgbench (CREATE EXTENSION in a database shows them)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    // solid-state storage: a random page costs little more than a sequential one (the default, 4,
                    // is for spinning disks and made the planner scan a whole membership table rather than its index)
                    .setServerConfig("random_page_cost", "1.1");
            if (port > 0) {
                builder.setPort(port);
            }
            dataDirectory.ifPresent(dir -> builder.setDataDirectory(dir).setCleanDataDirectory(false));
            password.ifPresent(p -> builder.setConnectConfig("password", p));
            return builder.start();
        } catch (IOException e) {
            throw new InfraException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static String durable(Optional<Path> dataDirectory) {
        return dataDirectory.isPresent() ? "on" : "off";
    }

    public int port() {
        return postgres.getPort();
    }

    /** A connection to a database as the superuser. */
    public Connection connect(String database) throws SQLException {
        return postgres.getDatabase(USER, database).getConnection();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The superuser's password set, and pg_hba.conf made to ask it of every connection, once. */
    private void requirePassword(Path dataDirectory, String password) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            if (Files.readString(hba).equals(PASSWORD_ONLY)) {
                return;
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("alter role " + USER + " password '" + password + "'");
                Files.writeString(hba, PASSWORD_ONLY);
                statement.execute("select pg_reload_conf()");
            }
        } catch (IOException | SQLException e) {
            throw new InfraException("could not make PostgreSQL ask for its password", e);
        }
    }

    /**
     * WAL archiving to the folder, kept in the data directory's postgresql.auto.conf (the command line
     * would not carry the command's spaces and quotes); the first time, the server restarts for it.
     */
    private void archiveTo(Path archive) {
        // never over a segment archived before: a second server pointed at the same archive fails loudly
        String command = "test ! -f '" + archive + "/%f' && cp '%p' '" + archive + "/%f'";
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            boolean restart;
            try (ResultSet mode = statement.executeQuery("select current_setting('archive_mode') <> 'on'"
                    + " or current_setting('archive_command') <> '" + command.replace("'", "''") + "'")) {
                mode.next();
                restart = mode.getBoolean(1);
            }
            if (!restart) {
                return;
            }
            statement.execute("alter system set archive_mode = 'on'");
            statement.execute("alter system set archive_command = '" + command.replace("'", "''") + "'");
            statement.execute("alter system set archive_timeout = '60s'");
        } catch (SQLException e) {
            throw new InfraException("could not set up WAL archiving", e);
        }
        close();
        restart();
    }

    /** Creates the database unless it exists; each service owns one. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new InfraException("could not create database " + database, e);
        }
    }

    public void dropDatabase(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new InfraException("could not drop database " + database, e);
        }
    }

    /**
     * SIGKILL to the postmaster and every backend at once, as a power cut would: nothing is
     * flushed that was not already. Only for a server with a data directory, which
     * {@link #restart()} brings back through crash recovery.
     */
    public synchronized void kill() {
        if (dataDirectory.isEmpty()) {
            throw new IllegalStateException("a server without a data directory has nothing to recover");
        }
        Process postmaster = postgres.getProcess();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(handle -> handle.onExit().join());
        try {
            postgres.close(); // pg_ctl finds nothing to stop; this releases zonky's lock on the data directory
        } catch (IOException e) {
            throw new InfraException("PostgreSQL's lock could not be released", e);
        }
    }

    /** Starts the server again on the same port and data directory (after {@link #kill()}). */
    public synchronized void restart() {
        postgres = launch(dataDirectory, port(), password);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new InfraException("PostgreSQL did not stop cleanly", e);
        }
    }
}
