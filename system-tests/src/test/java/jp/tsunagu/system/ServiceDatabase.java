package jp.tsunagu.system;

import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        try (Connection connection = connect(service);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
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
