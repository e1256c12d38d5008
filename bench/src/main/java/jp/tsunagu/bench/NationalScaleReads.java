package jp.tsunagu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.local.ApiClient;
import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The reads of one center at national scale (issue 11): 20 clients in a closed loop, each request
 * as one of Tokyo's demo users (the supervisor, who sees the whole center, or tokyo-supporter-1 or
 * -2, who see their teams' cases), over HTTP against the system {@code ./tsunagu up} started, after
 * {@link NationalScaleLoad}: the case list (first page, a later page by cursor, a kana or name
 * prefix {@code q}), a case, its timeline, the cadence {@code overdue=true}, the visit delta feed
 * from an early token, the referral list. Prints per query the requests and p50/p95/p99 beside the
 * issue's target (p95 <= 50 ms) and whether it holds, the data size, and for a query that misses
 * it what its service's database spent the time on (pg_stat_statements, and the costliest read's
 * generic plan, and a CPU profile of its service and of case-service taken during the series, with
 * what each was doing: see {@link JfrProfile}). Appends the figures to bench/results. Asserts nothing.
 * Each query runs twice: first with the clients as people pausing between requests (a mean think
 * time), after rounds of the query back to back until the services' JIT settled, then, after every
 * query ran so, back to back (saturation).
 * {@code NationalScaleReads [seconds per query and series, 20] [clients, 20] [mean think time ms, 1000]}.
 */
public final class NationalScaleReads {

    static final double TARGET_P95_MILLIS = 50;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration SETTLING_ROUND = Duration.ofSeconds(10);
    private static final int SETTLING_ROUNDS = 6;
    private static final int SETTLED = 25;
    private static final List<String> USERS = List.of("tokyo-supervisor", "tokyo-supporter-1", "tokyo-supporter-2");
    /** Prefixes a supporter types: katakana, hiragana, half-width, kanji; short and long. */
    private static final List<String> PREFIXES = List.of("サ", "サト", "すず", "ﾀｶﾊｼ", "ヤマ", "なかむら", "コバヤシ", "イトウ",
            "わた", "佐藤", "山");

    /** One of the users: its token (fresh for each series), and what it sees, found before the series. */
    private static final class Reader {
        final String username;
        volatile String token;
        final List<String> caseIds = new ArrayList<>();
        final List<String> laterPages = new ArrayList<>();
        String earlyVisitToken;

        Reader(String username) {
            this.username = username;
        }
    }

    /** A read measured: its name, the service that answers it, the path a reader asks. */
    private record Query(String name, Service service, Function<Reader, String> path) {
    }

    private final Layout layout;
    private final ApiClient api;
    private final List<Reader> readers = USERS.stream().map(Reader::new).toList();

    NationalScaleReads(Layout layout) {
        this.layout = layout;
        this.api = new ApiClient(layout);
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Duration meanThink = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 1000);
        Path repository = Path.of(System.getProperty("tsunagu.repository", "."));
        List<String> lines = new NationalScaleReads(Layout.local(repository)).run(duration, clients, meanThink);
        System.out.println("written to " + Results.append(repository, "National-scale reads, one center (NationalScaleReads)", lines));
    }

    List<String> run(Duration duration, int clients, Duration meanThink) throws Exception {
        List<String> lines = new ArrayList<>();
        Map<Service, Connection> databases = new EnumMap<>(Service.class);
        try {
            for (Service service : List.of(Service.CASE, Service.VISIT, Service.REFERRAL)) {
                // the simple protocol: EXPLAIN of a statement with $1... parameters, as pg_stat_statements keeps it
                databases.put(service, DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/"
                        + service.database() + "?preferQueryMode=simple", "postgres", DatabasePassword.of(layout)));
            }
            say(lines, String.format("Reads of Tokyo's center at national scale: %d clients, each request as %s; %d s warm-up"
                    + " then %d s per query and series; %s", clients, String.join(" / ", USERS), WARM_UP.toSeconds(),
                    duration.toSeconds(), Instant.now()));
            say(lines, String.format("two series per query: first 'users', the clients as people at work, each pausing"
                    + " %.1f s on average (exponential) between requests; then, once every query ran so, the clients back to"
                    + " back (each sends its next request as soon as the last is answered: the machine saturated, latency is"
                    + " mostly waiting for a core)", meanThink.toMillis() / 1000.0));
            double startLoad = loadAverage();
            dataSize(databases, lines);
            for (Reader reader : readers) {
                prepare(reader, databases.get(Service.CASE));
            }
            say(lines, String.format("%-48s %8s %7s %8s %8s %8s %6s   %s", "query", "requests", "per s", "p50 ms", "p95 ms",
                    "p99 ms", "failed", "target p95 <= 50 ms"));
            List<String> misses = new ArrayList<>();
            Set<String> diagnosed = new HashSet<>();
            for (Duration think : List.of(meanThink, Duration.ZERO)) {
                for (Query query : queries()) {
                    String name = query.name() + (think.isZero() ? "" : ", users");
                    NationalScaleStatements statements = new NationalScaleStatements(databases.get(query.service()));
                    readers.forEach(reader -> reader.token = api.login(reader.username));
                    String settling = think.isZero() ? null : settle(query, clients);
                    statements.begin();
                    ClosedLoop.run("warm-up", clients, Duration.ZERO, WARM_UP, () -> request(query), 200, think);
                    Map<Service, JfrProfile> profiles = think.isZero() ? Map.of() : profile(query.service());
                    SystemCpu before = SystemCpu.snapshot(layout);
                    long compiledBefore = JitCompilations.total(layout);
                    Throughput measured = ClosedLoop.run(name, clients, Duration.ZERO, duration, () -> request(query), 200, think);
                    String cpu = SystemCpu.snapshot(layout).perUnit(before, measured.latencies().count() + measured.failures())
                            + String.format("; the services' JIT compiled %d methods during the series",
                            JitCompilations.total(layout) - compiledBefore);
                    Map<Service, List<String>> profiled = stop(profiles);
                    Latencies latencies = measured.latencies();
                    boolean holds = latencies.percentileMillis(95) <= TARGET_P95_MILLIS && measured.failures() == 0;
                    say(lines, String.format("%-48s %8d %7.0f %8.1f %8.1f %8.1f %6d   %s", name, latencies.count(),
                            measured.perSecond(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                            latencies.percentileMillis(99), measured.failures(), holds ? "holds" : "MISSED"));
                    if (settling != null) {
                        say(lines, "  " + settling);
                    }
                    say(lines, "  " + cpu);
                    measured.firstFailures().forEach(failure -> misses.add("  " + name + " failed: " + failure));
                    if (!holds && diagnosed.add(query.name())) {
                        misses.add(name + ": " + query.service().database() + " during the series (warm-up included),"
                                + " costliest first:");
                        List<NationalScaleStatements.Used> used = statements.since(4);
                        used.forEach(statement -> misses.add(statement.line()));
                        used.stream().filter(statement -> statement.query().stripLeading().toLowerCase().startsWith("select"))
                                .findFirst().ifPresent(costliest -> {
                                    misses.add("  generic plan of the costliest read:");
                                    misses.addAll(statements.plan(costliest.query()));
                                });
                    }
                    if (!holds) {
                        profiled.forEach((service, profile) -> {
                            misses.add(name + ": " + service.module() + " during the series:");
                            misses.addAll(profile);
                        });
                    }
                }
            }
            misses.forEach(line -> say(lines, line));
            say(lines, String.format("machine load average (1 min) at the end: %.1f on %d cores (at the start: %.1f);"
                    + " above the cores, the figures include waiting for a CPU", loadAverage(), cores(), startLoad));
        } finally {
            for (Connection db : databases.values()) {
                db.close();
            }
        }
        return lines;
    }

    /**
     * Before a "users" series, the query back to back in rounds until the services' JIT settles
     * (fewer than {@link #SETTLED} methods compiled in a round, at most {@link #SETTLING_ROUNDS}):
     * a center's services run for weeks, and a series measured while the JIT still compiles the
     * query's code measures the compiler's work along with the requests' (the first run after a
     * start still shows it: the settling is bounded).
     */
    private String settle(Query query, int clients) throws Exception {
        List<Long> compiled = new ArrayList<>();
        for (int round = 0; round < SETTLING_ROUNDS; round++) {
            long before = JitCompilations.total(layout);
            ClosedLoop.run("settling", clients, Duration.ZERO, SETTLING_ROUND, () -> request(query), 200, Duration.ZERO);
            compiled.add(JitCompilations.total(layout) - before);
            if (compiled.getLast() < SETTLED) {
                break;
            }
        }
        return String.format("before it, the query back to back in rounds of %d s until the services' JIT settled"
                        + " (fewer than %d methods compiled in a round, at most %d rounds): compiled per round %s%s",
                SETTLING_ROUND.toSeconds(), SETTLED, SETTLING_ROUNDS, compiled,
                compiled.getLast() < SETTLED ? "" : " (not settled)");
    }

    /**
     * Profiles of the query's service and of case-service (which keeps the audit entries the other
     * services share), taken during a "users" series: printed for a series that misses the target.
     */
    private Map<Service, JfrProfile> profile(Service service) throws Exception {
        Map<Service, JfrProfile> profiles = new EnumMap<>(Service.class);
        for (Service profiled : new LinkedHashSet<>(List.of(service, Service.CASE))) {
            profiles.put(profiled, JfrProfile.start(SystemCpu.pidOf(layout, profiled)));
        }
        return profiles;
    }

    private static Map<Service, List<String>> stop(Map<Service, JfrProfile> profiles) throws Exception {
        Map<Service, List<String>> lines = new EnumMap<>(Service.class);
        for (Map.Entry<Service, JfrProfile> profile : profiles.entrySet()) {
            lines.put(profile.getKey(), profile.getValue().stop());
        }
        return lines;
    }

    private List<Query> queries() {
        return List.of(
                new Query("GET /cases (first page)", Service.CASE, reader -> "/api/v1/cases"),
                new Query("GET /cases?cursor= (pages 2-5)", Service.CASE,
                        reader -> "/api/v1/cases?cursor=" + any(reader.laterPages)),
                new Query("GET /cases?q= (name or kana prefix)", Service.CASE,
                        reader -> "/api/v1/cases?q=" + URLEncoder.encode(any(PREFIXES), StandardCharsets.UTF_8)),
                new Query("GET /cases/{id}", Service.CASE, reader -> "/api/v1/cases/" + any(reader.caseIds)),
                new Query("GET /cases/{id}/timeline", Service.CASE, reader -> "/api/v1/cases/" + any(reader.caseIds) + "/timeline"),
                new Query("GET /cadence?overdue=true", Service.VISIT, reader -> "/api/v1/cadence?overdue=true"),
                new Query("GET /visits/changes?since= (early)", Service.VISIT,
                        reader -> "/api/v1/visits/changes?since=" + reader.earlyVisitToken),
                new Query("GET /referrals", Service.REFERRAL, reader -> "/api/v1/referrals"));
    }

    private HttpRequest request(Query query) {
        Reader reader = any(readers);
        return HttpRequest.newBuilder(URI.create(layout.serviceUrl(query.service()) + query.path().apply(reader)))
                .header("Authorization", "Bearer " + reader.token).timeout(Duration.ofSeconds(30)).GET().build();
    }

    /**
     * What the reader sees, found before the series: cursors of pages 2 to 5 of its case list, up to
     * 300 of its cases drawn at random (the supervisor: the center's; a supporter: its teams'), and
     * the token after its first page of visit changes.
     */
    private void prepare(Reader reader, Connection caseDb) throws SQLException {
        reader.token = api.login(reader.username);
        String cursor = null;
        for (int page = 1; page < 5; page++) {
            JsonNode answer = api.call(reader.token, "GET", Service.CASE, "/api/v1/cases"
                    + (cursor == null ? "" : "?cursor=" + cursor), null, Map.of(), 200);
            if (answer.path("nextCursor").isNull() || answer.path("nextCursor").isMissingNode()) {
                break;
            }
            cursor = answer.get("nextCursor").asText();
            reader.laterPages.add(cursor);
        }
        if (reader.laterPages.isEmpty()) {
            throw new IllegalStateException(reader.username + " sees one page of cases only: load the data set first"
                    + " (NationalScaleLoad)");
        }
        boolean supervisor = reader.username.endsWith("supervisor");
        try (PreparedStatement sample = caseDb.prepareStatement(supervisor
                ? "select id from support_case where center_id = 'tokyo' order by random() limit 300"
                : "select c.id from support_case c join team_member m on m.case_id = c.id where c.center_id = 'tokyo'"
                        + " and m.user_id = ? order by random() limit 300")) {
            if (!supervisor) {
                sample.setString(1, NationalScaleLoad.subject(reader.token));
            }
            try (ResultSet rows = sample.executeQuery()) {
                while (rows.next()) {
                    reader.caseIds.add(rows.getString(1));
                }
            }
        } catch (Exception e) {
            throw new SQLException("cannot draw the cases of " + reader.username, e);
        }
        reader.earlyVisitToken = api.call(reader.token, "GET", Service.VISIT, "/api/v1/visits/changes", null, Map.of(), 200)
                .get("next").asText();
    }

    /** How much there is: the whole country and the measured center, and what the demo supporters see. */
    private void dataSize(Map<Service, Connection> databases, List<String> lines) throws SQLException {
        say(lines, "data: " + counts(databases.get(Service.CASE), """
                select format('cases %s (Tokyo %s), timeline lines %s (Tokyo %s)',
                    to_char(count(*), 'FM999,999,999'), to_char(count(*) filter (where center_id = 'tokyo'), 'FM999,999,999'),
                    (select to_char(count(*), 'FM999,999,999') from timeline_entry),
                    (select to_char(count(*), 'FM999,999,999') from timeline_entry where center_id = 'tokyo'))
                from support_case"""));
        say(lines, "      " + counts(databases.get(Service.VISIT), """
                select format('visits %s (Tokyo %s), Tokyo cases overdue by cadence %s',
                    to_char(count(*), 'FM999,999,999'), to_char(count(*) filter (where center_id = 'tokyo'), 'FM999,999,999'),
                    (select to_char(count(*), 'FM999,999,999') from cadence where center_id = 'tokyo' and due_on < current_date))
                from visit"""));
        say(lines, "      " + counts(databases.get(Service.REFERRAL), """
                select format('referrals %s (Tokyo %s), agencies %s',
                    to_char(count(*), 'FM999,999,999'), to_char(count(*) filter (where center_id = 'tokyo'), 'FM999,999,999'),
                    (select count(*) from agency))
                from referral"""));
        try (PreparedStatement query = databases.get(Service.VISIT).prepareStatement(
                "select (select count(*) from case_scope_member where user_id = ?), (select count(*) from case_scope_member where user_id = ?)")) {
            query.setString(1, subjectOf("tokyo-supporter-1"));
            query.setString(2, subjectOf("tokyo-supporter-2"));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                say(lines, String.format("      tokyo-supporter-1 on the teams of %,d cases, tokyo-supporter-2 of %,d", row.getLong(1),
                        row.getLong(2)));
            }
        }
    }

    private String subjectOf(String username) {
        try {
            return NationalScaleLoad.subject(api.login(username));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the id of " + username, e);
        }
    }

    private static String counts(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int cores() {
        return ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors();
    }

    private static <T> T any(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }

    private static void say(List<String> lines, String line) {
        System.out.println(line);
        lines.add(line);
    }
}
