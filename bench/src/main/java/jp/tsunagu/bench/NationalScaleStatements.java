package jp.tsunagu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one service's database did during a series, from pg_stat_statements (preloaded in the local
 * PostgreSQL): the statements' calls and time in the series (a difference of two snapshots, so
 * nobody else's view of the statistics is reset), and the plan of the costliest read.
 */
final class NationalScaleStatements {

    /** One statement's share of a series: calls, mean and total milliseconds, rows. */
    record Used(String query, long calls, double totalMillis, long rows) {

        double meanMillis() {
            return calls == 0 ? 0 : totalMillis / calls;
        }

        String line() {
            return String.format("    %,8d calls %8.2f ms mean %10.0f ms total %8.1f rows/call  %s", calls, meanMillis(),
                    totalMillis, calls == 0 ? 0.0 : rows / (double) calls, oneLine(query, 160));
        }
    }

    private record Counters(long calls, double totalMillis, long rows) {
    }

    private final Connection db;
    private Map<Long, Counters> before = Map.of();

    NationalScaleStatements(Connection db) {
        this.db = db;
    }

    /** Remembers where the counters stand: the series begins. */
    void begin() throws SQLException {
        try (Statement create = db.createStatement()) {
            create.execute("create extension if not exists pg_stat_statements");
        }
        before = Map.copyOf(counters(new HashMap<>()));
    }

    /** The statements of this database since {@link #begin()}, costliest first. */
    List<Used> since(int top) throws SQLException {
        Map<Long, String> texts = new HashMap<>();
        Map<Long, Counters> now = counters(texts);
        List<Used> used = new ArrayList<>();
        now.forEach((id, after) -> {
            Counters earlier = before.getOrDefault(id, new Counters(0, 0, 0));
            if (after.calls() > earlier.calls()) {
                used.add(new Used(texts.get(id), after.calls() - earlier.calls(), after.totalMillis() - earlier.totalMillis(),
                        after.rows() - earlier.rows()));
            }
        });
        used.sort(Comparator.comparingDouble(Used::totalMillis).reversed());
        return used.subList(0, Math.min(top, used.size()));
    }

    /** The planner's generic plan of a statement as pg_stat_statements keeps it (parameters as $1...). */
    List<String> plan(String query) {
        List<String> lines = new ArrayList<>();
        try (Statement explain = db.createStatement(); ResultSet rows = explain.executeQuery("explain (generic_plan) " + query)) {
            while (rows.next()) {
                lines.add("    " + rows.getString(1));
            }
        } catch (SQLException e) {
            lines.add("    (no generic plan: " + oneLine(e.getMessage(), 120) + ")");
        }
        return lines;
    }

    private Map<Long, Counters> counters(Map<Long, String> texts) throws SQLException {
        Map<Long, Counters> counters = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select s.queryid, s.query, s.calls, s.total_exec_time, s.rows from pg_stat_statements s
                join pg_database d on d.oid = s.dbid where d.datname = current_database() and s.queryid is not null""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                texts.put(id, rows.getString(2));
                counters.merge(id, new Counters(rows.getLong(3), rows.getDouble(4), rows.getLong(5)),
                        (a, b) -> new Counters(a.calls() + b.calls(), a.totalMillis() + b.totalMillis(), a.rows() + b.rows()));
            }
        }
        return counters;
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
