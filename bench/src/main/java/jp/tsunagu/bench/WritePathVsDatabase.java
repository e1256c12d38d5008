package jp.tsunagu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.local.ApiClient;
import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * How close the write path comes to the database's own limit: {@code POST /visits},
 * {@code POST /referrals} and {@code POST /cases/{id}/crises} by 8, 32 and 64 clients on 200
 * cases, each beside pgbench running the statements that request issues (captured from the
 * service with pg_stat_statements and printed first; the scripts are bench/src/main/resources/pgbench)
 * with as many clients on the same database, for as long. Prints requests per second and p50/p99
 * of both and their ratio (the target: at least 0.5), the CPU each part of the system spent
 * per request, and a profile of the service at the middle concurrency; asserts nothing. Crises come last
 * and every crisis alert they raised is acknowledged at the end, so none escalates.
 * {@code ./tsunagu bench write-path [seconds per run, 30] [clients, 8,32,64]}.
 */
public final class WritePathVsDatabase {

    private static final String SUPPORTER = "tokyo-supporter-1";
    private static final String SUPERVISOR = "tokyo-supervisor";
    private static final int CASES = 200;
    private static final int CAPTURED_REQUESTS = 20;
    private static final Duration SERVICE_WARM_UP = Duration.ofSeconds(10);
    /** Before an endpoint's first run: long enough for the JIT to have compiled its path (10 s left it compiling). */
    private static final Duration FIRST_WARM_UP = Duration.ofSeconds(40);
    private static final Duration PGBENCH_WARM_UP = Duration.ofSeconds(5);

    /** One write and where its statements run. */
    private enum Endpoint {
        VISITS("POST /visits", Service.VISIT, "visit.sql"),
        REFERRALS("POST /referrals", Service.REFERRAL, "referral.sql"),
        CRISES("POST /cases/{id}/crises", Service.CASE, "crisis.sql");

        final String label;
        final Service service;
        final String script;

        Endpoint(String label, Service service, String script) {
            this.label = label;
            this.service = service;
            this.script = script;
        }
    }

    private final Layout layout;
    private final ApiClient api;
    private final WriteRequests requests;

    WritePathVsDatabase(Layout layout) {
        this.layout = layout;
        this.api = new ApiClient(layout);
        this.requests = new WriteRequests(layout);
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 30);
        int[] clients = Arrays.stream((args.length > 1 ? args[1] : "8,32,64").split(",")).mapToInt(Integer::parseInt).toArray();
        Path repository = Path.of(System.getProperty("tsunagu.repository", "."));
        List<String> lines = new WritePathVsDatabase(Layout.local(repository)).run(duration, clients);
        lines.forEach(System.out::println);
        System.out.println("written to " + Results.append(repository, "Write path beside pgbench (WritePathVsDatabase)", lines));
    }

    List<String> run(Duration duration, int[] clients) throws Exception {
        Pgbench pgbench = Pgbench.find(layout);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d cases, %d s per run after %d s of warm-up (an endpoint's first run: %d s; pgbench: %d s), clients %s; %s; %s", CASES,
                duration.toSeconds(), SERVICE_WARM_UP.toSeconds(), FIRST_WARM_UP.toSeconds(), PGBENCH_WARM_UP.toSeconds(), Arrays.toString(clients),
                pgbench.version(), Instant.now()));
        String token = api.login(SUPPORTER);
        String supporter = WriteRequests.subject(token);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(CrisisAlertLatency.openCase(api, token));
        }
        List<String> consents = new ArrayList<>();
        try (Connection referrals = connect(Service.REFERRAL); Connection visits = connect(Service.VISIT)) {
            WriteRequests.awaitKnown(referrals, cases);
            WriteRequests.awaitKnown(visits, cases);
        }
        for (String caseId : cases) {
            consents.add(consent(token, caseId));
        }
        List<String> summary = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            try (Connection database = connect(endpoint.service)) {
                lookupTable(database, cases, consents);
                lines.add("");
                lines.add(endpoint.label + ": statements per request (pg_stat_statements, " + CAPTURED_REQUESTS
                        + " requests one at a time; the relay's are shared by the requests of a batch)");
                lines.addAll(capture(database, endpoint, cases, consents, supporter));
            }
            Path script = script(endpoint);
            lines.add(Throughput.header() + "   service / pgbench");
            for (int count : clients) {
                String fresh = api.login(SUPPORTER); // tokens live minutes
                Supplier<java.net.http.HttpRequest> next = next(endpoint, fresh, cases, consents, supporter);
                ClosedLoop.run("warm-up", count, Duration.ZERO, count == clients[0] ? FIRST_WARM_UP : SERVICE_WARM_UP, next, 201);
                boolean profiled = count == clients[clients.length / 2];
                JfrProfile profile = profiled ? JfrProfile.start(SystemCpu.pidOf(layout, endpoint.service)) : null;
                SystemCpu before = SystemCpu.snapshot(layout);
                Throughput service = ClosedLoop.run(endpoint.label + " (service)", count, Duration.ZERO, duration, next, 201);
                String cpu = SystemCpu.snapshot(layout).perUnit(before, service.latencies().count() + service.failures());
                List<String> profileLines = profiled ? profile.stop() : List.of();
                Throughput database = pgbench.run(endpoint.label + " (pgbench)", endpoint.service.database(), script, count,
                        PGBENCH_WARM_UP, duration, Map.of("cases", Integer.toString(CASES), "visitor", supporter,
                                "reporter", supporter, "referrer", supporter));
                double ratio = service.perSecond() / database.perSecond();
                lines.add(service.line());
                lines.add(database.line() + String.format("   %.2f", ratio));
                lines.add("  service run: " + cpu);
                if (profiled) {
                    lines.add("  " + endpoint.service.module() + " during that run:");
                    lines.addAll(profileLines);
                }
                service.firstFailures().forEach(failure -> lines.add("  failed: " + failure));
                database.firstFailures().forEach(failure -> lines.add("  failed: " + failure));
                summary.add(String.format("%-26s %7d %9.1f %9.1f %7.2f   %s", endpoint.label, count, service.perSecond(),
                        database.perSecond(), ratio, ratio >= 0.5 ? "holds" : "does not hold"));
            }
            Files.delete(script);
        }
        lines.add("");
        lines.add(String.format("%-26s %7s %9s %9s %7s   %s", "write", "clients", "service/s", "pgbench/s", "ratio",
                "target: >= 0.5 of pgbench (anchor when filed, POST /visits: 0.42 / 0.31 / 0.27 at 8 / 32 / 64)"));
        lines.addAll(summary);
        lines.add(String.format("crisis alerts acknowledged afterwards: %d; mails removed from the demo mailboxes: %d",
                acknowledgeCrisisAlerts(), MailboxPurge.demoMailboxes(layout)));
        return lines;
    }

    private Supplier<java.net.http.HttpRequest> next(Endpoint endpoint, String token, List<String> cases, List<String> consents,
                                                     String supporter) {
        return () -> {
            int n = ThreadLocalRandom.current().nextInt(cases.size());
            return switch (endpoint) {
                case VISITS -> requests.recordVisit(token, cases.get(n), supporter);
                case REFERRALS -> requests.refer(token, cases.get(n), consents.get(n));
                case CRISES -> requests.reportCrisis(token, cases.get(n));
            };
        };
    }

    /** The statements of {@link #CAPTURED_REQUESTS} requests sent one at a time, per request. */
    private List<String> capture(Connection database, Endpoint endpoint, List<String> cases, List<String> consents,
                                 String supporter) throws Exception {
        StatementCapture capture = new StatementCapture(database);
        String token = api.login(SUPPORTER);
        Supplier<java.net.http.HttpRequest> request = next(endpoint, token, cases, consents, supporter);
        try (HttpClient http = HttpClient.newHttpClient()) {
            // the services' first requests prepare their statements; the captured ones run as under load
            for (int i = 0; i < 5; i++) {
                http.send(request.get(), HttpResponse.BodyHandlers.discarding());
            }
            capture.reset();
            for (int i = 0; i < CAPTURED_REQUESTS; i++) {
                HttpResponse<String> answer = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 201) {
                    throw new IllegalStateException(endpoint.label + " answered " + answer.statusCode() + ": " + answer.body());
                }
            }
        }
        Thread.sleep(1000); // the relay publishes right after each commit; a second lets its last round end
        return capture.lines(CAPTURED_REQUESTS);
    }

    private String consent(String token, String caseId) {
        return api.call(token, "POST", Service.REFERRAL, "/api/v1/cases/" + caseId + "/consents", Map.of(
                "grantedBy", "FAMILY", "agencyIds", List.of(), "agencyKinds", List.of("PUBLIC_HEALTH_CENTER"),
                "purposes", List.of("BACKUP"), "method", "WRITTEN",
                "grantedOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()), Map.of(), 201).get("id").asText();
    }

    /** bench.bench_case (n, case_id, consent_id): how the pgbench scripts pick a case by a random number, as the clients do. */
    private static void lookupTable(Connection database, List<String> cases, List<String> consents) throws SQLException {
        try (Statement sql = database.createStatement()) {
            sql.execute("create schema if not exists bench");
            sql.execute("drop table if exists bench.bench_case");
            sql.execute("create table bench.bench_case (n int primary key, case_id uuid not null, consent_id uuid not null)");
        }
        try (PreparedStatement insert = database.prepareStatement(
                "insert into bench.bench_case values (?, ?::uuid, ?::uuid)")) {
            for (int i = 0; i < cases.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, cases.get(i));
                insert.setString(3, consents.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Path script(Endpoint endpoint) throws IOException {
        Path file = Files.createTempFile("tsunagu-" + endpoint.name().toLowerCase(), ".sql");
        try (InputStream in = WritePathVsDatabase.class.getResourceAsStream("/pgbench/" + endpoint.script)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /**
     * Acknowledges, as the Tokyo supervisor, every crisis alert still unread in their inbox (the
     * list shows no alert state; acknowledging one already acknowledged changes nothing).
     */
    private int acknowledgeCrisisAlerts() {
        String supervisor = api.login(SUPERVISOR);
        int acknowledged = 0;
        String cursor = null;
        do {
            JsonNode page = api.call(supervisor, "GET", Service.NOTIFICATION, "/api/v1/notifications?kind=CRISIS_ALERT"
                    + "&unread=true&limit=100" + (cursor == null ? "" : "&cursor=" + cursor), null, Map.of(), 200);
            for (JsonNode notification : page.get("items")) {
                if (acknowledged % 500 == 499) {
                    supervisor = api.login(SUPERVISOR); // tokens live minutes
                }
                api.call(supervisor, "POST", Service.NOTIFICATION, "/api/v1/notifications/" + notification.get("id").asText()
                        + "/acknowledgement", null, Map.of(), 200);
                acknowledged++;
            }
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return acknowledged;
    }

    private Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/" + service.database(),
                "postgres", DatabasePassword.of(layout));
    }
}
