package jp.tsunagu.cases.bench;

import jp.tsunagu.cases.domain.KanaPrefix;
import jp.tsunagu.testkit.QueryPlans;

import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads 300,000 cases (20 centers, teams, 10 timeline lines each) into a real PostgreSQL with the
 * service's own migrations, and prints EXPLAIN (ANALYZE, BUFFERS) of the case list and the timeline
 * queries as the service issues them; the list's text search also as it was before V5, each search
 * with its prefix written in and as the generic plan of the prepared statement. A program that
 * prints figures, not a test:
 * <pre>./mvnw -pl case-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.tsunagu.cases.bench.CaseQueryPlans [-Dexec.args=300000]</pre>
 */
public final class CaseQueryPlans {

    private static final int DEFAULT_CASES = 300_000;
    private static final List<String> KEYS = List.of("kana_key", "family_kana_key", "given_kana_key", "name_key", "family_name_key");
    /** The search as CaseService.list sent it before V5: center $1, pattern $2. */
    private static final String SEARCH_BEFORE = "select * from support_case c where c.center_id = $1 and ("
            + KEYS.stream().map(key -> "c." + key + " like $2 escape '!'").collect(Collectors.joining(" or "))
            + ") order by c.updated_at desc, c.id desc limit 51";
    /** The search as it sends it now (NameSearch): center $1, key range [$2, $3). */
    private static final String SEARCH_NOW = "select * from support_case c where c.center_id = $1 and ("
            + KEYS.stream().map(key -> "c." + key + " >= $2 and c." + key + " < $3").collect(Collectors.joining(" or "))
            + ") order by coalesce(c.updated_at, c.updated_at) desc, c.id desc limit 51";

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CASES;
        QueryPlans.print(sql -> load(sql, cases) + prepareSearches(sql), queries());
    }

    private static String load(Statement sql, int cases) throws Exception {
        sql.execute("""
                insert into support_case (id, center_id, case_number, phase, status, version, opened_at, opened_by, updated_at,
                    intake_received_at, intake_channel, consultant_relation, family_name, given_name, family_name_kana,
                    given_name_kana, birth_year, withdrawal_since, kana_key, family_kana_key, given_kana_key, name_key,
                    family_name_key, crisis_urgency)
                select md5(i::text)::uuid, 'c' || lpad((i % 20)::text, 2, '0'), 'C-2026-' || lpad((i / 20)::text, 6, '0'),
                    (array['ASSESSMENT','ENVIRONMENT','OUTREACH','ENGAGEMENT','DAILY_LIFE','EXPANSION','FOLLOW_UP'])[1 + i % 7],
                    case when i % 10 = 0 then 'CLOSED' else 'OPEN' end, 0,
                    now() - (i % 2000) * interval '1 hour', 'u', now() - (i % 5000) * interval '1 minute',
                    now() - (i % 2000) * interval '1 hour', 'PHONE', 'MOTHER', '姓' || i, '名' || i, k.family, k.given,
                    1960 + i % 40, '2015-04', k.family || k.given, k.family, k.given, '姓' || i || '名' || i, '姓' || i,
                    case when i % 50 = 0 then 'IMMINENT' when i % 17 = 0 then 'WATCH' else 'NONE' end
                from generate_series(1, CASES) as i,
                lateral (select (array['サトウ','スズキ','タカハシ','タナカ','ワタナベ','イトウ','ヤマモト','ナカムラ'])[1 + i % 8]
                                || chr(12450 + (i / 8) % 80) as family,
                                (array['タロウ','ハナコ','ケンタ','ユウキ','サクラ','ショウ'])[1 + i % 6] || chr(12450 + (i / 48) % 80) as given) k
                """.replace("CASES", Integer.toString(cases)));
        sql.execute("""
                insert into team_member (case_id, position, kind, user_id, role)
                select id, 0, 'STAFF', 'supporter-' || center_id || '-' || (abs(hashtext(id::text)) % 300), 'PRIMARY' from support_case
                """);
        sql.execute("""
                insert into timeline_entry (id, case_id, center_id, occurred_at, kind, attributes)
                select gen_random_uuid(), c.id, c.center_id, c.opened_at + n * interval '3 days',
                    (array['CASE_OPENED','ASSESSMENT_RECORDED','PHASE_CHANGED','VISIT_RECORDED','VISIT_RECORDED',
                           'VISIT_RECORDED','VISIT_RECORDED','REFERRAL_REQUESTED','CONCERN_RAISED','MILESTONE_REACHED'])[1 + n],
                    '{"outcome":"NOT_MET"}'::jsonb
                from support_case c, generate_series(0, 9) as n
                """);
        return String.format("loaded %,d cases, %,d team rows, %,d timeline lines", cases,
                QueryPlans.count(sql, "team_member"), QueryPlans.count(sql, "timeline_entry"));
    }

    /**
     * The case list searched by {@code prefix}: as the service sent it before V5 ({@code like}, the
     * newest first from the center's index) and as it sends it now (key ranges in collation "C",
     * the same order written so that no index gives it: see NameSearch), each with the prefix
     * written in (a custom plan, as for the driver's first executions) and as a generic plan of the
     * statement prepared by {@link #prepareSearches}, where {@code like} with a parameter can use no index.
     */
    private static void searches(Map<String, String> queries, String what, String prefix) {
        KanaPrefix range = KanaPrefix.of(prefix);
        String like = "'" + prefix + "%'";
        String from = "'" + range.from() + "'";
        String to = "'" + range.to().orElseThrow() + "'";
        queries.put("case list searched by " + what + ", before (like)",
                SEARCH_BEFORE.replace("$1", "'c07'").replace("$2", like));
        queries.put("case list searched by " + what + ", now (key ranges)",
                SEARCH_NOW.replace("$1", "'c07'").replace("$2", from).replace("$3", to));
        queries.put("case list searched by " + what + ", before, generic plan", "execute search_before('c07', " + like + ")");
        queries.put("case list searched by " + what + ", now, generic plan", "execute search_now('c07', " + from + ", " + to + ")");
    }

    /** The two searches prepared, and planned once for any prefix (generic plans) from now on in this session. */
    private static String prepareSearches(Statement sql) throws Exception {
        sql.execute("set plan_cache_mode = force_generic_plan");
        sql.execute("prepare search_before (text, text) as " + SEARCH_BEFORE);
        sql.execute("prepare search_now (text, text, text) as " + SEARCH_NOW);
        return "; searches prepared";
    }

    /** The service's queries (CaseService.list, TimelineService.timeline, ChangeFeed.since) in SQL. */
    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("supervisor's case list, first page", """
                select * from support_case c where c.center_id = 'c07' order by c.updated_at desc, c.id desc limit 51""");
        queries.put("supervisor's case list, a later page (keyset)", """
                select * from support_case c where c.center_id = 'c07'
                  and (c.updated_at, c.id) < (now() - interval '40 hours', 'ffffffff-ffff-ffff-ffff-ffffffffffff')
                order by c.updated_at desc, c.id desc limit 51""");
        queries.put("supporter's case list (team members only)", """
                select * from support_case c where c.center_id = 'c07' and exists (select 1 from team_member m
                  where m.case_id = c.id and m.user_id = 'supporter-c07-42') order by c.updated_at desc, c.id desc limit 51""");
        queries.put("case list filtered by phase", """
                select * from support_case c where c.center_id = 'c07' and c.phase = 'OUTREACH'
                order by c.updated_at desc, c.id desc limit 51""");
        queries.put("case list, crisis only", """
                select * from support_case c where c.center_id = 'c07' and c.crisis_urgency <> 'NONE'
                order by c.updated_at desc, c.id desc limit 51""");
        searches(queries, "a prefix no case of c07 has", "ヌ");
        searches(queries, "a one-character prefix (a third of c07's given names)", "ハ");
        searches(queries, "a family name prefix (half of c07)", "タナカ");
        searches(queries, "a family name prefix frequent elsewhere, absent from c07", "タカハシ");
        queries.put("timeline of one case", """
                select * from timeline_entry e where e.case_id = md5('4242')::uuid
                  and (e.occurred_at, e.seq) > ('epoch', 0)
                order by e.occurred_at, e.seq limit 51""");
        queries.put("delta feed of a supervisor", """
                select * from support_case c where c.center_id = 'c07' and c.change_seq > 290000 order by c.change_seq limit 201""");
        return queries;
    }
}
