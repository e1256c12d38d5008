package jp.tsunagu.system;

import jp.tsunagu.local.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which rows of a service's tables were written (inserted or updated: their {@code xmin} is a
 * transaction that began after the mark) or deleted (fewer rows) since a mark. The audit trail and
 * the idempotency keys are left out: a refusal is audited, and a key is how a refusal is answered
 * again.
 */
final class RowChanges implements AutoCloseable {

    /** A service's position: the first transaction id not yet given out, and every table's row count. */
    record Mark(Service service, long nextXid, Map<String, Long> counts) {
    }

    private final Map<Service, Connection> connections = new EnumMap<>(Service.class);
    private final Map<Service, String> queries = new EnumMap<>(Service.class);

    RowChanges() {
        for (Service service : Service.values()) {
            List<String> tables = ServiceDatabase.strings(service, "select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in"
                    + " ('audit_entry', 'idempotency_key', 'flyway_schema_history') order by table_name");
            queries.put(service, tables.stream().map(table -> "select '" + table + "', count(*), count(*) filter (where"
                    + " t.xmin::text::bigint >= ?) from \"" + table + "\" t").collect(Collectors.joining(" union all ")));
            try {
                connections.put(service, ServiceDatabase.connect(service));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Mark mark(Service service) {
        List<Long> next = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        query(service, "select pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296", 0,
                rows -> next.add(rows.getLong(1)));
        query(service, queries.get(service), 0, rows -> counts.put(rows.getString(1), rows.getLong(2)));
        return new Mark(service, next.getFirst(), counts);
    }

    /** "table: n written, m deleted" for each table changed since the mark; empty when none was. */
    List<String> since(Mark mark) {
        List<String> changed = new ArrayList<>();
        query(mark.service(), queries.get(mark.service()), mark.nextXid(), rows -> {
            long deleted = Math.max(0, mark.counts().getOrDefault(rows.getString(1), 0L) - rows.getLong(2));
            if (rows.getLong(3) > 0 || deleted > 0) {
                changed.add(mark.service().database() + "." + rows.getString(1) + ": " + rows.getLong(3) + " written, "
                        + deleted + " deleted");
            }
        });
        return changed;
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(Service service, String sql, long since, Row each) {
        try (PreparedStatement statement = connections.get(service).prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setLong(i, since);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections.values()) {
            connection.close();
        }
    }
}
