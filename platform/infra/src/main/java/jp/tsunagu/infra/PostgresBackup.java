package jp.tsunagu.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Base backups and point-in-time restore of a local PostgreSQL whose WAL is archived
 * ({@link PostgresServer#start(java.util.Optional, int, java.util.Optional, java.util.Optional)}):
 * PostgreSQL's low-level backup API (pg_backup_start, a copy of the data directory, pg_backup_stop
 * and its backup_label), the way Barman takes them for CloudNativePG in a cluster. A restore is a
 * copy of the backup told to replay the archive up to a moment (recovery.signal, restore_command,
 * recovery_target_time) and then to open for writes.
 */
public final class PostgresBackup {

    /** What a base backup leaves out: rebuilt at start, or taken from the archive (pg_wal). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label.old", "epg-lock");

    /** recovery_target_time takes a plain timestamp with its offset, not ISO 8601 with T and Z. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private PostgresBackup() {
    }

    /** Copies the running server's data directory into {@code target} as a base backup. */
    public static void take(PostgresServer server, Path dataDirectory, Path target) {
        try (Connection connection = server.connect("postgres"); Statement sql = connection.createStatement()) {
            sql.execute("select pg_backup_start('tsunagu " + Instant.now() + "', true)");
            copy(dataDirectory, target, true);
            // waits until the WAL the backup needs is archived
            try (ResultSet stop = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString(1), StandardCharsets.UTF_8);
                String tablespaces = stop.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                }
            }
        } catch (SQLException | IOException e) {
            throw new InfraException("the base backup failed: " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code dataDirectory} (empty or absent) a copy of {@code backup} that, once a server
     * starts on it, replays {@code walArchive} up to {@code moment} and opens for writes there.
     */
    public static void prepareRestore(Path backup, Path walArchive, Instant moment, Path dataDirectory) {
        try {
            copy(backup, dataDirectory, false);
            // PostgreSQL starts only on a data directory no one else may read
            Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(dataDirectory.resolve("pg_wal"));
            Files.writeString(dataDirectory.resolve("recovery.signal"), "");
            Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), """

                    # point-in-time restore (Tsunagu PostgresBackup)
                    restore_command = 'cp ''%s/%%f'' ''%%p'''
                    recovery_target_time = '%s'
                    recovery_target_action = 'promote'
                    """.formatted(walArchive, TIMESTAMP.format(moment)), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InfraException("the restore could not be prepared: " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to, boolean live) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return live && EMPTIED.contains(from.relativize(dir).toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (live && SKIPPED.contains(from.relativize(file).toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException dropped) {
                    // a relation dropped during the backup: the WAL replays the drop
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }
}
