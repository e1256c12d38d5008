package jp.tsunagu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a service sent its database while some requests ran, as PostgreSQL's
 * {@code pg_stat_statements} saw them (the local PostgreSQL preloads it): each with its calls per
 * request and mean time, heaviest first, so that the bench lists what the pgbench script beside
 * it stands for.
 */
final class StatementCapture {

    private final Connection database;

    StatementCapture(Connection database) throws SQLException {
        this.database = database;
        try (Statement sql = database.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
        }
    }

    /** Forgets what was counted so far (in every database: the capture runs while the system is otherwise idle). */
    void reset() throws SQLException {
        try (Statement sql = database.createStatement()) {
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /** This database's statements since the reset, per request of {@code requests}, heaviest first. */
    List<String> lines(int requests) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  %9s %9s  %s", "calls/req", "mean ms", "statement"));
        try (PreparedStatement query = database.prepareStatement("""
                select calls, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%' and calls >= ?
                order by total_exec_time desc""")) {
            query.setLong(1, Math.max(1, requests / 2));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String text = rows.getString(3);
                    lines.add(String.format("  %9.2f %9.3f  %s", rows.getLong(1) / (double) requests, rows.getDouble(2),
                            text.length() > 160 ? text.substring(0, 157) + "..." : text));
                }
            }
        }
        return lines;
    }
}
