package jp.tsunagu.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A base backup and the WAL archive bring every database of the local PostgreSQL back to a chosen
 * moment: what was committed before it is there, what came after is not (the operations doc's
 * restore procedure, tried on the real server).
 */
class PointInTimeRestoreTest {

    @TempDir
    Path work;

    @Test
    void aBaseBackupAndTheArchiveRestoreEachDatabaseToTheMomentChosen() throws Exception {
        Path data = work.resolve("data");
        Path archive = Files.createDirectories(work.resolve("wal-archive"));
        Path backup = work.resolve("base-backup");
        Instant moment;
        try (PostgresServer server = PostgresServer.start(Optional.of(data), 0, Optional.empty(), Optional.of(archive))) {
            for (String database : List.of("cases", "visits")) {
                server.ensureDatabase(database);
                execute(server, database, "create table note (what text)", "insert into note values ('before the backup')");
            }
            PostgresBackup.take(server, data, backup);
            for (String database : List.of("cases", "visits")) {
                execute(server, database, "insert into note values ('after the backup, before the moment')");
            }
            moment = serverClock(server);
            for (String database : List.of("cases", "visits")) {
                execute(server, database, "insert into note values ('after the moment')", "drop table if exists absent");
            }
            // the segment holding the last commits goes to the archive now rather than after archive_timeout
            execute(server, "postgres", "select pg_switch_wal()");
            await().atMost(Duration.ofSeconds(30)).until(() -> archivedUpToCurrent(server));
        }

        Path restored = work.resolve("restored");
        PostgresBackup.prepareRestore(backup, archive, moment, restored);
        try (PostgresServer server = PostgresServer.start(Optional.of(restored), 0)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !inRecovery(server));
            for (String database : List.of("cases", "visits")) {
                assertThat(notes(server, database)).as(database)
                        .containsExactlyInAnyOrder("before the backup", "after the backup, before the moment");
            }
            execute(server, "cases", "insert into note values ('written after the restore')");
            assertThat(notes(server, "cases")).contains("written after the restore");
        }
    }

    private static void execute(PostgresServer server, String database, String... statements) throws SQLException {
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    /** The server's clock between two commits (a commit's time is the server's). */
    private static Instant serverClock(PostgresServer server) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select clock_timestamp()")) {
            row.next();
            return row.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private static boolean archivedUpToCurrent(PostgresServer server) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("""
                     select last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) from pg_stat_archiver""")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static boolean inRecovery(PostgresServer server) {
        try (Connection connection = server.connect("postgres"); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select pg_is_in_recovery()")) {
            row.next();
            return row.getBoolean(1);
        } catch (SQLException notYet) {
            return true;
        }
    }

    private static List<String> notes(PostgresServer server, String database) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select what from note")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }
}
