package jp.tsunagu.cases.bench;

import jp.tsunagu.testkit.QueryPlans;

import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads 300,000 cases (20 centers, teams, 10 timeline lines each) into a real PostgreSQL with the
 * service's own migrations, and prints EXPLAIN (ANALYZE, BUFFERS) of the case list and the timeline
 * queries as the service issues them. A program that prints figures, not a test:
 * <pre>./mvnw -pl case-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.tsunagu.cases.bench.CaseQueryPlans [-Dexec.args=300000]</pre>
 */
public final class CaseQueryPlans {

    private static final int DEFAULT_CASES = 300_000;

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CASES;
        QueryPlans.print(sql -> load(sql, cases), queries());
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
        queries.put("case list searched by kana prefix", """
                select * from support_case c where c.center_id = 'c07' and (c.kana_key like 'タカハシ%' or
                  c.family_kana_key like 'タカハシ%' or c.given_kana_key like 'タカハシ%' or c.name_key like 'タカハシ%'
                  or c.family_name_key like 'タカハシ%') order by c.updated_at desc, c.id desc limit 51""");
        queries.put("timeline of one case", """
                select * from timeline_entry e where e.case_id = md5('4242')::uuid
                  and (e.occurred_at, e.seq) > ('epoch', 0)
                order by e.occurred_at, e.seq limit 51""");
        queries.put("delta feed of a supervisor", """
                select * from support_case c where c.center_id = 'c07' and c.change_seq > 290000 order by c.change_seq limit 201""");
        return queries;
    }
}
