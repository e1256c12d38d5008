package jp.tsunagu.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTest {

    @TempDir
    Path data;

    @Test
    void keepsDataInItsDirectoryAcrossRestarts() throws Exception {
        try (PostgresServer server = PostgresServer.start(Optional.of(data), 0)) {
            server.ensureDatabase("kept");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("kept"), PostgresServer.USER, "")) {
                c.createStatement().execute("create table note(t text); insert into note values ('つなぐ')");
            }
        }
        try (PostgresServer server = PostgresServer.start(Optional.of(data), 0);
             Connection c = DriverManager.getConnection(server.jdbcUrl("kept"), PostgresServer.USER, "");
             ResultSet rs = c.createStatement().executeQuery("select t from note")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("つなぐ");
        }
    }
}
