package jp.tsunagu.visits.bench;

import jp.tsunagu.testkit.QueryPlans;

import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a center with 10,000 cases (20 visits each, teams of one supporter per 40 cases) into a
 * real PostgreSQL with the service's migrations, and prints EXPLAIN (ANALYZE, BUFFERS) of the
 * cadence watch and the visit lists as the service issues them. A program that prints figures:
 * <pre>./mvnw -pl visit-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.tsunagu.visits.bench.CadenceQueryPlans [-Dexec.args=10000]</pre>
 */
public final class CadenceQueryPlans {

    private static final int DEFAULT_CASES = 10_000;

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CASES;
        QueryPlans.print(sql -> load(sql, cases), queries());
    }

    private static String load(Statement sql, int cases) throws Exception {
        sql.execute("insert into case_scope select md5(i::text)::uuid, 'tokyo', 'OUTREACH', 'OPEN', 'EVENTS', now()"
                + " from generate_series(1, " + cases + ") i");
        sql.execute("insert into case_scope_member select md5(i::text)::uuid, 'supporter-' || (i % (" + cases
                + " / 40)), 'PRIMARY' from generate_series(1, " + cases + ") i");
        sql.execute("insert into visit (id, case_id, center_id, version, status, kind, occurred_at, received_at, updated_at,"
                + " recorded_by, duration_minutes, visitors, outcome, left_behind, request_hash)"
                + " select gen_random_uuid(), md5(i::text)::uuid, 'tokyo', 0, 'RECORDED', 'HOME',"
                + " now() - (n * 14 + i % 14) * interval '1 day', now(), now(), 'u', 10,"
                + " jsonb_build_array(jsonb_build_object('userId', 'supporter-' || (i % (" + cases + " / 40)), 'role', 'STAFF')),"
                + " case when n % 4 = 0 then 'MET_SUBJECT' else 'NOT_MET' end, '[]', 'h'"
                + " from generate_series(1, " + cases + ") i, generate_series(1, 20) n");
        sql.execute("insert into cadence select md5(i::text)::uuid, 'tokyo', current_date - (14 + i % 14),"
                + " current_date - (56 + i % 14), i % 4, 14, current_date - (i % 28) + 7, now()"
                + " from generate_series(1, " + cases + ") i");
        return String.format("loaded %,d cases and %,d visits", cases, QueryPlans.count(sql, "visit"));
    }

    /** CadenceService.list and VisitQueries in SQL. */
    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("cadence of the whole center (supervisor), first page", """
                select * from cadence c where c.center_id = 'tokyo' and c.due_on is not null
                order by c.due_on, c.case_id limit 51""");
        queries.put("overdue cases of the center (supervisor)", """
                select * from cadence c where c.center_id = 'tokyo' and c.due_on < current_date
                and c.due_on is not null order by c.due_on, c.case_id limit 51""");
        queries.put("overdue cases of one supporter's teams", """
                select * from cadence c where c.center_id = 'tokyo' and exists (select 1 from case_scope v
                  join case_scope_member m on m.case_id = v.case_id where v.case_id = c.case_id and m.user_id = 'supporter-7')
                and c.due_on < current_date and c.due_on is not null order by c.due_on, c.case_id limit 51""");
        queries.put("the watch: every overdue open case in a visiting phase", """
                select c.* from cadence c join case_scope v on v.case_id = c.case_id where c.due_on < current_date
                and v.status = 'OPEN' and v.phase in ('OUTREACH','ENGAGEMENT','DAILY_LIFE','EXPANSION')""");
        queries.put("visits of one case", """
                select v.* from visit v where v.center_id = 'tokyo' and v.case_id = md5('4242')::uuid
                order by v.occurred_at desc, v.id desc limit 51""");
        queries.put("a supporter's visits (visitor = me)", """
                select v.* from visit v where v.center_id = 'tokyo' and exists (select 1 from case_scope_member m
                  where m.case_id = v.case_id and m.user_id = 'supporter-7')
                and v.visitors @> '[{"userId":"supporter-7"}]' order by v.occurred_at desc, v.id desc limit 51""");
        queries.put("the visits' delta feed of a supervisor", """
                select v.* from visit v where v.center_id = 'tokyo' and v.change_seq > 199000 order by v.change_seq limit 201""");
        return queries;
    }
}
