package jp.tsunagu.testkit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a service's database directly, for what no endpoint answers (audit entries, outbox rows, stored secrets). */
public final class SqlRows {

    private SqlRows() {
    }

    /** The first column of every row of the query, as text, on a connection of the data source. */
    public static List<String> column(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection()) {
            return column(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row of the query, as text, on the caller's connection. */
    public static List<String> column(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
        }
    }
}
