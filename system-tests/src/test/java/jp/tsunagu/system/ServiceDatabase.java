package jp.tsunagu.system;

import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;
import jp.tsunagu.testkit.SqlRows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A service's own database, read directly: what a test checks beneath the API (outbox rows,
 * inbox rows, audit entries, the rows of what was acknowledged). Read only.
 */
final class ServiceDatabase {

    private ServiceDatabase() {
    }

    static long count(Service service, String sql, Object... parameters) {
        return Long.parseLong(strings(service, sql, parameters).getFirst());
    }

    /** The first column of every row, as text. */
    static List<String> strings(Service service, String sql, Object... parameters) {
        try (Connection connection = connect(service)) {
            connection.setReadOnly(true);
            return SqlRows.column(connection, sql, parameters);
        } catch (SQLException e) {
            throw new AssertionError(service.database() + ": " + e.getMessage(), e);
        }
    }

    /** A connection of one's own, for a test that asks many times. */
    static Connection connect(Service service) throws SQLException {
        Layout layout = RunningSystem.get().layout();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/" + service.database(),
                "postgres", DatabasePassword.of(layout));
    }
}
