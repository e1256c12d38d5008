package jp.tsunagu.visits.service;

import jp.tsunagu.testkit.Infrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visit-service database from before the case view moved to platform/case-view keeps what it
 * knew: the platform's tables come in out of order, the views and teams move into them, the
 * departures stay, and nothing has to be asked of case-service again.
 */
class CaseViewMigrationTest {

    private static final String TOKYO_CASE = "6f1c2a8e-3b7d-4c59-9e12-0a4b5c6d7e8f";
    private static final String OSAKA_CASE = "0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b";

    @Test
    void theCaseViewsKeptBeforeMoveIntoThePlatformsTables() throws Exception {
        Infrastructure infrastructure = Infrastructure.get();
        String url = infrastructure.freshDatabase("visits_migration_test");
        String password = infrastructure.postgresPassword();
        // as deployed before: the kit's tables and visit-service's V1, with its own case_view
        Flyway.configure().dataSource(url, Infrastructure.POSTGRES_USER, password)
                .locations("classpath:db/platform", "classpath:db/migration").target("1").load().migrate();
        try (Connection db = DriverManager.getConnection(url, Infrastructure.POSTGRES_USER, password);
             Statement sql = db.createStatement()) {
            sql.execute("insert into case_view values ('" + TOKYO_CASE + "', 'tokyo', 'OUTREACH', 'OPEN', 'EVENTS', now()),"
                    + " ('" + OSAKA_CASE + "', 'osaka', 'FOLLOW_UP', 'CLOSED', 'CASE_SERVICE', now())");
            sql.execute("insert into case_view_member values ('" + TOKYO_CASE + "', 'supporter-1', 'PRIMARY'),"
                    + " ('" + TOKYO_CASE + "', 'peer-1', 'PEER'), ('" + OSAKA_CASE + "', 'supporter-9', 'PRIMARY')");
            sql.execute("insert into case_view_departure values ('" + TOKYO_CASE + "', 'supporter-0', nextval('visit_change_seq'))");
        }

        // as configured now
        Flyway.configure().dataSource(url, Infrastructure.POSTGRES_USER, password).outOfOrder(true)
                .locations("classpath:db/platform", "classpath:db/case-view", "classpath:db/migration").load().migrate();

        try (Connection db = DriverManager.getConnection(url, Infrastructure.POSTGRES_USER, password);
             Statement sql = db.createStatement()) {
            assertThat(rows(sql, "select case_id || ' ' || center_id || ' ' || phase || ' ' || status || ' ' || source"
                    + " from case_scope")).containsExactlyInAnyOrder(
                    TOKYO_CASE + " tokyo OUTREACH OPEN EVENTS", OSAKA_CASE + " osaka FOLLOW_UP CLOSED CASE_SERVICE");
            assertThat(rows(sql, "select case_id || ' ' || user_id || ' ' || role from case_scope_member"))
                    .containsExactlyInAnyOrder(TOKYO_CASE + " peer-1 PEER", TOKYO_CASE + " supporter-1 PRIMARY",
                            OSAKA_CASE + " supporter-9 PRIMARY");
            assertThat(rows(sql, "select user_id from case_view_departure")).containsExactly("supporter-0");
            assertThat(rows(sql, "select table_name from information_schema.tables where table_name like 'case_view%'"
                    + " order by table_name")).containsExactly("case_view_departure");
        }
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
