package jp.tsunagu.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aServerWithADataDirectoryAcknowledgesOnlyWhatIsOnDiskAndListensOnLoopbackOnly() throws Exception {
        try (PostgresServer server = PostgresServer.start(Optional.of(data), 0);
             Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "")) {
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "listen_addresses")).isIn("localhost", "127.0.0.1");
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aServerWithAPasswordAsksEveryConnectionForItAcrossRestarts() throws Exception {
        String password = "a-generated-password-0123456789";
        for (int start = 0; start < 2; start++) {
            try (PostgresServer server = PostgresServer.start(Optional.of(data), 0, Optional.of(password))) {
                server.ensureDatabase("asked");
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("asked"), PostgresServer.USER, ""))
                        .isInstanceOf(SQLException.class).hasMessageContaining("password");
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("asked"), PostgresServer.USER, "wrong"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
                try (Connection c = DriverManager.getConnection(server.jdbcUrl("asked"), PostgresServer.USER, password)) {
                    assertThat(setting(c, "password_encryption")).isEqualTo("scram-sha-256");
                }
            }
        }
    }
}
