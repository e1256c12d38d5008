package jp.tsunagu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.local.ApiClient;
import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national-scale data set (issue 11): 300,000 cases of 47 prefectures' centers (shared by
 * population: Tokyo about 11 %), 20 visits and 10/3 referrals a case on average, written straight
 * into the databases of the system {@code ./tsunagu up} started, in the services' own schema (their
 * Flyway migrations applied), set-based (SQL under {@code bench/src/main/resources/national/}).
 * Everything the services would hold had it come through their APIs and events: case-service's
 * cases, teams, assessments, phases and the timeline lines it learned of visits and referrals;
 * visit-service's view of the cases, plans, visits (letters at the door until the person is first
 * met), cadence and the overdue notices already sent; referral-service's agencies, view of the
 * cases, consents, referrals and their steps. No outbox rows: nothing is told to anyone. Tokyo's
 * demo users tokyo-supporter-1 and -2 are two of its supporters, tokyo-peer its peer supporter.
 * <p>
 * Loads once, in one transaction per database committed at the end; refuses when the data set is
 * there already (reset: {@code ./tsunagu up --fresh}). Prints the rows inserted per table and how
 * long each step took.
 * {@code NationalScaleLoad [--cases 300000]} (visits and referrals in proportion).
 */
public final class NationalScaleLoad {

    static final double VISITS_PER_CASE = 20;
    static final double REFERRALS_PER_CASE = 10 / 3.0;
    /** The first case of the load: its id says whether the data set is there. */
    private static final String MARKER = "select exists (select 1 from %s where %s = md5('tsunagu-national:case:1')::uuid)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Layout layout;
    private final Map<String, Long> inserted = new LinkedHashMap<>();
    private final List<String> slow = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    NationalScaleLoad(Layout layout) {
        this.layout = layout;
    }

    public static void main(String[] args) throws Exception {
        int cases = 300_000;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--cases")) {
                cases = Integer.parseInt(args[i + 1]);
            }
        }
        Path repository = Path.of(System.getProperty("tsunagu.repository", "."));
        NationalScaleLoad load = new NationalScaleLoad(Layout.local(repository));
        if (!load.run(cases)) {
            System.exit(1);
        }
    }

    /** Loads the data set; false (and why, printed) when it is there already. */
    boolean run(int cases) throws Exception {
        ApiClient api = new ApiClient(layout);
        try (Connection caseDb = connect(Service.CASE); Connection visitDb = connect(Service.VISIT);
             Connection referralDb = connect(Service.REFERRAL)) {
            if (loaded(caseDb, "support_case", "id") || loaded(visitDb, "case_scope", "case_id")
                    || loaded(referralDb, "case_scope", "case_id")) {
                System.out.println("The national-scale data set is loaded already; nothing done."
                        + " To load it again, start from empty databases: ./tsunagu up --fresh");
                return false;
            }
            say(String.format("National-scale load: %,d cases, about %,.0f visits and %,.0f referrals, 47 centers; %s",
                    cases, cases * VISITS_PER_CASE, cases * REFERRALS_PER_CASE, Instant.now()));
            OffsetDateTime loadedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            List<String> users = List.of(subject(api.login("tokyo-supporter-1")), subject(api.login("tokyo-supporter-2")),
                    subject(api.login("tokyo-peer")));
            for (Connection db : List.of(caseDb, visitDb, referralDb)) {
                db.setAutoCommit(false);
                parameters(db, cases, users, loadedAt);
                NationalScaleSql.run(db, "plan-table.sql", inserted, slow);
            }
            step("plan: centers, staff, what each case is to be (case-service's database)", () -> {
                for (String script : List.of("prefectures.sql", "names.sql", "cases-plan.sql")) {
                    NationalScaleSql.run(caseDb, script, inserted, slow);
                }
                NationalScaleSql.run(referralDb, "prefectures.sql", inserted, slow);
            });
            step("the plan copied to visit- and referral-service", () -> {
                NationalScaleSql.copy(caseDb, "select * from national_case", visitDb, "national_case", inserted, slow);
                NationalScaleSql.copy(caseDb, "select * from national_case", referralDb, "national_case", inserted, slow);
            });
            step("visit-service: case view, plans, visits, cadence, overdue notices",
                    () -> NationalScaleSql.run(visitDb, "visits.sql", inserted, slow));
            step("referral-service: agencies, case view, consents, referrals, steps",
                    () -> NationalScaleSql.run(referralDb, "referrals.sql", inserted, slow));
            step("case-service: timeline lines learned of visits and referrals", () -> {
                String timeline = "timeline_entry (id, case_id, center_id, occurred_at, kind, ref_id, attributes)";
                NationalScaleSql.copy(visitDb, NationalScaleSql.resource("visit-lines.sql"), caseDb, timeline, inserted,
                        slow);
                NationalScaleSql.copy(visitDb, NationalScaleSql.resource("overdue-since.sql"), caseDb, "national_overdue_since",
                        inserted, slow);
                NationalScaleSql.copy(referralDb, NationalScaleSql.resource("referral-lines.sql"), caseDb, timeline, inserted,
                        slow);
            });
            step("case-service: cases, teams, assessments, phases, endings, their own lines",
                    () -> NationalScaleSql.run(caseDb, "cases.sql", inserted, slow));
            step("commit (referral-, visit-, case-service)", () -> {
                referralDb.commit();
                visitDb.commit();
                caseDb.commit();
            });
            step("vacuum analyze the three databases", () -> {
                for (Connection db : List.of(caseDb, visitDb, referralDb)) {
                    db.setAutoCommit(true);
                    try (Statement vacuum = db.createStatement()) {
                        vacuum.execute("vacuum analyze");
                    }
                }
            });
            say("rows inserted per table:");
            inserted.forEach((table, rows) -> say(String.format("  %-36s %,12d", table, rows)));
            say(tokyo(caseDb, users));
        }
        System.out.println("written to " + Results.append(layout.repository(), "National-scale load (NationalScaleLoad)", lines));
        return true;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        say(String.format("%8.1f s  %s", (System.nanoTime() - start) / 1e9, name));
        slow.forEach(this::say);
        slow.clear();
    }

    private void say(String line) {
        System.out.println(line);
        lines.add(line);
    }

    private Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/" + service.database(),
                "postgres", DatabasePassword.of(layout));
    }

    private static boolean loaded(Connection db, String table, String column) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet row = query.executeQuery(MARKER.formatted(table, column))) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** The load's parameters, one row every script of the session reads. */
    private static void parameters(Connection db, int cases, List<String> users, OffsetDateTime loadedAt) throws SQLException {
        try (PreparedStatement create = db.prepareStatement("""
                create temp table national_parameter as
                select ?::int as cases, ?::numeric as visits_per_case, ?::numeric as referrals_per_case,
                       ?::text as supporter_1, ?::text as supporter_2, ?::text as peer, ?::timestamptz as loaded_at""")) {
            create.setInt(1, cases);
            create.setDouble(2, VISITS_PER_CASE);
            create.setDouble(3, REFERRALS_PER_CASE);
            create.setString(4, users.get(0));
            create.setString(5, users.get(1));
            create.setString(6, users.get(2));
            create.setObject(7, loadedAt);
            create.execute();
        }
    }

    /** What the measured center came to: its cases of the load, and the demo supporters' caseloads among them. */
    private static String tokyo(Connection caseDb, List<String> users) throws SQLException {
        try (PreparedStatement query = caseDb.prepareStatement("""
                select (select count(*) from national_case where center_id = 'tokyo'),
                       (select count(*) from team_member m join national_case c on c.id = m.case_id where m.user_id = ?),
                       (select count(*) from team_member m join national_case c on c.id = m.case_id where m.user_id = ?)""")) {
            query.setString(1, users.get(0));
            query.setString(2, users.get(1));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return String.format("Tokyo: %,d cases; tokyo-supporter-1 on %,d teams, tokyo-supporter-2 on %,d",
                        row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }

    static String subject(String token) throws Exception {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return JSON.readTree(payload).get("sub").asText();
    }
}
