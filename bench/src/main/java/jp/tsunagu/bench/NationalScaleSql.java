package jp.tsunagu.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of the national-scale load, kept as resources under {@code national/}: a script run
 * statement by statement (each ends with a semicolon at the end of a line), and a query of one
 * database copied into a table of another (COPY out streamed into COPY in: the three services'
 * databases cannot see each other). Counts the rows each inserts into the services' tables and
 * notes the statements that took a second or more.
 */
final class NationalScaleSql {

    private static final Pattern INSERT = Pattern.compile("^insert into (\\w+)", Pattern.MULTILINE);

    private NationalScaleSql() {
    }

    /**
     * Runs the script (a resource) on the connection, adding the rows inserted into each table of
     * the service ({@code database.table}; not the load's own temporary tables) to {@code inserted}.
     */
    static void run(Connection db, String script, Map<String, Long> inserted, List<String> slow) throws SQLException {
        for (String statement : statements(resource(script))) {
            try (Statement run = db.createStatement()) {
                long start = System.nanoTime();
                int rows = run.executeUpdate(statement);
                count(db.getCatalog(), statement, rows, inserted);
                timed(start, db.getCatalog() + ": " + statement.lines().findFirst().orElse(""), slow);
            } catch (SQLException e) {
                throw new SQLException(script + ": " + e.getMessage() + "\n in: " + firstLines(statement), e.getSQLState(), e);
            }
        }
    }

    /** Copies what the query {@code select} answers on {@code from} into {@code table} on {@code to}. */
    static long copy(Connection from, String select, Connection to, String table, Map<String, Long> inserted,
                     List<String> slow) throws SQLException {
        String query = String.join("\n", statements(select));
        try (InputStream rows = new PGCopyInputStream(from.unwrap(PGConnection.class), "copy (" + query + ") to stdout")) {
            long start = System.nanoTime();
            long copied = to.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", rows);
            timed(start, from.getCatalog() + " -> " + to.getCatalog() + ": copy " + table.replaceAll(" .*", ""), slow);
            if (!table.startsWith("national_")) {
                inserted.merge(to.getCatalog() + "." + table.replaceAll(" .*", ""), copied, Long::sum);
            }
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("copy into " + table + " failed", e);
        }
    }

    /** A resource under {@code national/}: a script, or a query to copy. */
    static String resource(String name) {
        try (InputStream in = NationalScaleSql.class.getResourceAsStream("/national/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no resource national/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (current.isEmpty() && (line.isBlank() || line.strip().startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static void count(String database, String statement, int rows, Map<String, Long> inserted) {
        Matcher insert = INSERT.matcher(statement);
        if (insert.find() && !insert.group(1).startsWith("national_")) {
            inserted.merge(database + "." + insert.group(1), (long) rows, Long::sum);
        }
    }

    /** Statements that took a second or more, for the lead to see where a larger load spends its time. */
    private static void timed(long start, String what, List<String> slow) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seconds >= 1) {
            slow.add(String.format("%8.1f s    %s", seconds, what.length() > 100 ? what.substring(0, 100) + "..." : what));
        }
    }

    private static String firstLines(String statement) {
        return String.join("\n", Arrays.stream(statement.split("\n")).limit(3).toList());
    }
}
