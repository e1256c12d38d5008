package jp.tsunagu.bench;

import jp.tsunagu.infra.InfraException;
import jp.tsunagu.local.ApiClient;
import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.ServiceProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The footprint of a center's machine, against the system {@code ./tsunagu up} started. First the
 * whole system: each service's load sent to the running services, then the PSS of every process
 * the run command started, per part and in total, beside the 2.5 GB. Then each service and
 * the bare app (bench/bare-app: the same Quarkus extensions, none of our code) started beside it,
 * several times, on a free port with the services' environment and JVM options: time from the
 * process's start to the first 200 of {@code /q/health/ready} and of a real API call with a token,
 * its load (a fixed number of a supporter's requests), then RSS and PSS; medians, and each
 * service's start and RSS as a multiple of the bare app's beside the targets (1.5x, 1.25x).
 * A second instance of a service joins its consumer group and runs its outbox relay, as a replica
 * would, for the while it runs. {@code ./tsunagu bench footprint [starts, 3] [requests, 400] [JVM options..., those of ServiceProcess]}.
 */
public final class Footprint {

    /** The JVM options deploy/local ServiceProcess starts the services with. */
    static final List<String> SERVICE_PROCESS_OPTIONS = ServiceProcess.JVM_OPTIONS;
    static final double SYSTEM_TARGET_MIB = 2.5 * 1024;
    private static final double START_TARGET = 1.5;
    private static final double RSS_TARGET = 1.25;

    private final Layout layout;
    private final ApiClient api;

    Footprint(Layout layout) {
        this.layout = layout;
        this.api = new ApiClient(layout);
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<String> options = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : SERVICE_PROCESS_OPTIONS;
        Path repository = Path.of(System.getProperty("tsunagu.repository", ".")).toAbsolutePath().normalize();
        List<String> lines = new Footprint(Layout.local(repository)).run(starts, requests, options);
        System.out.println("written to " + Results.append(repository, "Footprint of a center's machine (Footprint)", lines));
    }

    List<String> run(int starts, int requests, List<String> options) throws Exception {
        List<String> lines = new ArrayList<>();
        say(lines, String.format("%d requests per load (%d clients), %d starts each, medians; JVM options %s; %s", requests,
                FootprintRun.CLIENTS, starts, String.join(" ", options), Instant.now()));
        ensureBareDatabase(layout);
        List<FootprintApp> apps = FootprintApp.all(layout, token(api));
        wholeSystem(apps, requests).forEach(line -> say(lines, line));
        say(lines, "");
        say(lines, "Each application started beside the running system, in turns (seconds from the process's start;"
                + " memory after the load)");
        say(lines, FootprintFigures.header("application") + "   start x bare (<= 1.5): wall, cpu   RSS x bare (<= 1.25)");
        Map<FootprintApp, FootprintFigures> figures = inTurns(layout, api, apps, app -> app, app -> options, starts, requests);
        FootprintFigures bare = figures.get(apps.getFirst());
        for (FootprintApp app : apps) {
            FootprintFigures measured = figures.get(app);
            if (app.isBare()) {
                say(lines, measured.line(app.name()) + "   (the anchor)");
            } else {
                double wall = measured.readySeconds() / bare.readySeconds();
                double cpu = measured.cpuSeconds() / bare.cpuSeconds();
                double rss = measured.rssMib() / bare.rssMib();
                say(lines, measured.line(app.name()) + String.format("   %5.2f %5.2f %-10s   %5.2f %s", wall, cpu,
                        cpu <= START_TARGET ? "(met)" : "(NOT met)", rss, rss <= RSS_TARGET ? "(met)" : "(NOT met)"));
            }
        }
        say(lines, "ready s: first 200 of /q/health/ready; cpu s: the CPU time the process used until then (a busy machine"
                + " slows it less); call s: first 200 of the first request with a token; quarkus: its own \"started in\"");
        return lines;
    }

    /**
     * Several starts of each of {@code items}, in turns (one start of each, then the next round), so
     * that what else the machine does falls on all alike; each start with a fresh token; medians.
     */
    static <T> Map<T, FootprintFigures> inTurns(Layout layout, ApiClient api, List<T> items,
                                                Function<T, FootprintApp> app, Function<T, List<String>> options,
                                                int starts, int requests) throws Exception {
        Map<T, List<FootprintRun.Start>> measured = new LinkedHashMap<>();
        for (int round = 0; round < starts; round++) {
            for (T item : items) {
                measured.computeIfAbsent(item, key -> new ArrayList<>()).add(FootprintRun.once(layout, app.apply(item),
                        options.apply(item), token(api), requests));
            }
        }
        Map<T, FootprintFigures> figures = new LinkedHashMap<>();
        measured.forEach((item, runs) -> figures.put(item, FootprintFigures.medianOf(runs)));
        return figures;
    }

    private List<String> wholeSystem(List<FootprintApp> apps, int requests) throws Exception {
        String token = token(api);
        int failures = 0;
        for (FootprintApp app : apps) {
            if (app.service().isPresent()) {
                failures += FootprintLoad.run(layout.serviceUrl(app.service().get()), token, app.load(), requests,
                        FootprintRun.CLIENTS);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("The whole system (./tsunagu up) after each service's load on the running services (%d failed)",
                failures));
        lines.add(String.format("%-34s %9s %9s %9s", "part", "processes", "RSS MiB", "PSS MiB"));
        double total = 0;
        for (FootprintSystem.Part part : FootprintSystem.measure(layout)) {
            lines.add(String.format("%-34s %9d %9.0f %9.0f", part.name(), part.processes(), part.memory().rssMib(),
                    part.memory().pssMib()));
            total += part.memory().pssMib();
        }
        lines.add(String.format("%-34s %9s %9s %9.0f   target <= %.0f MiB (2.5 GiB): %s; filed at ~2.56 GB with two services",
                "total PSS", "", "", total, SYSTEM_TARGET_MIB, total <= SYSTEM_TARGET_MIB ? "met" : "NOT met"));
        return lines;
    }

    /**
     * A supporter's token. A login Keycloak refuses is tried again for up to a minute: it refused the
     * demo password for a while during this bench's first runs, while other programs used the system.
     */
    static String token(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                return api.login(FootprintApp.SUPPORTER);
            } catch (InfraException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(2000); // another try in a while
            }
        }
    }

    /** The bare app's own database in the running PostgreSQL, made the first time. */
    static void ensureBareDatabase(Layout layout) throws Exception {
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/postgres",
                "postgres", DatabasePassword.of(layout)); Statement statement = postgres.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + FootprintApp.BARE_DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + FootprintApp.BARE_DATABASE);
        }
    }

    private static void say(List<String> lines, String line) {
        System.out.println(line);
        lines.add(line);
    }
}
