package jp.tsunagu.cases.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.cases.domain.KanaPrefix;
import jp.tsunagu.cases.domain.SupportCase;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case list's text search finds a prefix that matches nothing through the name key indexes
 * (V5), never by reading the center's cases: the search is sent as the service sends it, its
 * prefix bound as parameters, more than five times (the JDBC driver then prepares it on the
 * server), and the plan of that very prepared statement is explained, custom (planned for its
 * values) and generic (planned once for any value: where {@code like :q} could use no index).
 * A center of 3,000 cases is loaded for it, and rolled back.
 */
@QuarkusTest
class NameSearchPlanTest {

    private static final String CENTER = "plan-check";
    private static final String NOTHING_MATCHES = "ヌ";
    private static final int LIMIT = 51;
    /** A parameter of the statement text and what it stands for: the center, or a bound of the key range. */
    private static final Pattern PARAMETER = Pattern.compile("(center_id|>=|<|fetch first|limit)\\s*=?\\s*\\$(\\d+)");

    @Inject
    EntityManager em;

    @ParameterizedTest
    @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
    void aPrefixThatMatchesNothingIsLookedUpInTheKeyIndexes(String planCacheMode) {
        List<String> plan;
        QuarkusTransaction.begin();
        try {
            Session session = em.unwrap(Session.class);
            session.doWork(connection -> {
                try (Statement sql = connection.createStatement()) {
                    loadCenter(sql);
                    sql.execute("set local enable_seqscan = off");
                    sql.execute("set local plan_cache_mode = " + planCacheMode);
                }
            });
            for (int i = 0; i < 6; i++) {
                assertThat(search(NOTHING_MATCHES)).isEmpty();
            }
            assertThat(search("サトウ")).hasSize(LIMIT);
            plan = session.doReturningWork(connection -> {
                try (Statement sql = connection.createStatement()) {
                    return explainPrepared(sql, planCacheMode);
                }
            });
        } finally {
            QuarkusTransaction.rollback();
        }

        assertThat(String.join("\n", plan))
                .contains("Bitmap Index Scan on support_case_kana", "Bitmap Index Scan on support_case_given_kana",
                        "Bitmap Index Scan on support_case_name")
                .doesNotContain("support_case_center_list").doesNotContain("Seq Scan");
    }

    /** The search as {@link CaseService#list} sends it for a supervisor, on the first page. */
    private List<SupportCase> search(String text) {
        NameSearch search = NameSearch.of(text).orElseThrow();
        var query = em.createQuery("from SupportCase c where c.centerId = :center and " + search.condition()
                + NameSearch.ORDER, SupportCase.class).setParameter("center", CENTER);
        search.parameters().forEach(query::setParameter);
        return query.setMaxResults(LIMIT).getResultList();
    }

    /** 3,000 cases whose name keys start with サ, ス, タ or ハ (given names), none with ヌ; analyzed. */
    private static void loadCenter(Statement sql) throws SQLException {
        sql.execute("""
                insert into support_case (id, center_id, case_number, phase, status, version, opened_at, opened_by,
                    updated_at, intake_received_at, intake_channel, consultant_relation, family_name, given_name,
                    family_name_kana, given_name_kana, withdrawal_since, kana_key, family_kana_key, given_kana_key,
                    name_key, family_name_key)
                select gen_random_uuid(), '%s', 'C-2026-' || lpad(i::text, 6, '0'), 'ASSESSMENT', 'OPEN', 0, now(), 'u',
                    now() - i * interval '1 minute', now(), 'PHONE', 'MOTHER', '佐藤', '太郎', k.family, k.given,
                    '2015-04', k.family || k.given, k.family, k.given, '佐藤太郎', '佐藤'
                from generate_series(1, 3000) as i,
                lateral (select (array['サトウ','スズキ','タカハシ','タナカ'])[1 + i %% 4] || chr(12450 + i %% 80) as family,
                                (array['タロウ','ハナコ','ケンタ'])[1 + i %% 3] as given) k
                """.formatted(CENTER));
        sql.execute("analyze support_case");
    }

    /**
     * EXPLAIN EXECUTE of the search the driver prepared on the server, each parameter given the
     * value its place in the text says; for a generic plan, that it also ran as one.
     */
    private static List<String> explainPrepared(Statement sql, String planCacheMode) throws SQLException {
        String name;
        String text;
        long genericPlans;
        try (ResultSet prepared = sql.executeQuery("""
                select name, statement, generic_plans from pg_prepared_statements
                where not from_sql and statement ~ 'kana_key\\s*>='""")) {
            assertThat(prepared.next()).as("the search is prepared on the server").isTrue();
            name = prepared.getString(1);
            text = prepared.getString(2);
            genericPlans = prepared.getLong(3);
        }
        if (planCacheMode.equals("force_generic_plan")) {
            assertThat(genericPlans).as("generic plans of " + text).isPositive();
        }
        KanaPrefix range = KanaPrefix.of(NOTHING_MATCHES);
        Map<String, String> values = Map.of("center_id", "'" + CENTER + "'", ">=", "'" + range.from() + "'",
                "<", "'" + range.to().orElseThrow() + "'", "fetch first", Integer.toString(LIMIT), "limit", Integer.toString(LIMIT));
        List<String> arguments = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(text);
        while (parameter.find()) {
            assertThat(Integer.parseInt(parameter.group(2))).as("parameters in order in " + text).isEqualTo(arguments.size() + 1);
            arguments.add(values.get(parameter.group(1)));
        }
        List<String> plan = new ArrayList<>();
        try (PreparedStatement explain = sql.getConnection().prepareStatement(
                "explain execute \"" + name + "\"(" + String.join(", ", arguments) + ")");
             ResultSet lines = explain.executeQuery()) {
            while (lines.next()) {
                plan.add(lines.getString(1));
            }
        }
        return plan;
    }
}
