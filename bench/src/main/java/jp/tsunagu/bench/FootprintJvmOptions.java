package jp.tsunagu.bench;

import jp.tsunagu.local.ApiClient;
import jp.tsunagu.local.Layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which JVM options suit the services on JDK 25 on a small machine: for each application named
 * (default case-service, the largest, and the bare app), several starts per set of options beside
 * the running system, as {@link Footprint} measures them (start, first call, RSS and PSS after the
 * load), the sets of options in turns: the options the run command uses today, the JVM's defaults, G1 instead of Serial, a
 * smaller heap, C1 only, compact object headers (JEP 519), and the JDK's AOT cache (JEP 483/514/515),
 * made by a training start of the same load with {@code -XX:AOTCacheOutput} (in
 * {@code bench/target/footprint}), alone and with the others that pay. Prints a table per
 * application. {@code java ... jp.tsunagu.bench.FootprintJvmOptions [starts, 2] [requests, 400] [applications, case-service,bare-app]}.
 */
public final class FootprintJvmOptions {

    private static final List<String> TODAY = Footprint.SERVICE_PROCESS_OPTIONS;
    private static final List<String> LEAN = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders");

    /** A set of JVM options to measure; {@code aotCache} when it runs with an AOT cache trained with the same options. */
    private record Variant(String name, List<String> options, boolean aotCache) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("today: Serial, -Xms64m -Xmx384m", TODAY, false),
            new Variant("JVM defaults (G1, heap 1/4 of RAM)", List.of(), false),
            new Variant("G1, -Xms64m -Xmx384m", List.of("-Xms64m", "-Xmx384m", "-XX:+UseG1GC"), false),
            new Variant("Serial, -Xms32m -Xmx192m", List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC"), false),
            new Variant("today + C1 only (TieredStopAtLevel=1)", concat(TODAY, "-XX:TieredStopAtLevel=1"), false),
            new Variant("today + compact object headers", concat(TODAY, "-XX:+UseCompactObjectHeaders"), false),
            new Variant("today + AOT cache", TODAY, true),
            new Variant("lean: -Xmx256m, compact headers, AOT", LEAN, true));

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<String> names = Arrays.asList((args.length > 2 ? args[2] : "case-service," + FootprintApp.BARE).split(","));
        Path repository = Path.of(System.getProperty("tsunagu.repository", ".")).toAbsolutePath().normalize();
        Layout layout = Layout.local(repository);
        ApiClient api = new ApiClient(layout);
        List<String> lines = new ArrayList<>();
        say(lines, String.format("%d requests per load (%d clients), %d starts per set of options, medians; java %s; %s",
                requests, FootprintRun.CLIENTS, starts, System.getProperty("java.version"), Instant.now()));
        Footprint.ensureBareDatabase(layout);
        for (FootprintApp app : FootprintApp.all(layout, Footprint.token(api))) {
            if (!names.contains(app.name())) {
                continue;
            }
            say(lines, "");
            say(lines, FootprintFigures.header(app.name()));
            Map<Variant, List<String>> options = new LinkedHashMap<>();
            for (Variant variant : VARIANTS) {
                options.put(variant, variant.aotCache() ? withCache(layout, api, app, variant, requests) : variant.options());
            }
            Footprint.inTurns(layout, api, VARIANTS, variant -> app, options::get, starts, requests)
                    .forEach((variant, figures) -> say(lines, figures.line(variant.name())));
        }
        say(lines, "ready s: first 200 of /q/health/ready; call s: first 200 of the first request with a token;"
                + " quarkus: its own \"started in\"");
        System.out.println("written to " + Results.append(repository, "JVM options of the services (FootprintJvmOptions)", lines));
    }

    /** The variant's options with its AOT cache, trained first by a start with the same options and load. */
    private static List<String> withCache(Layout layout, ApiClient api, FootprintApp app, Variant variant, int requests)
            throws Exception {
        Path folder = Files.createDirectories(layout.repository().resolve("bench/target/footprint"));
        Path cache = folder.resolve(app.name() + "-" + Math.abs(variant.options().hashCode()) + ".aot");
        Files.deleteIfExists(cache);
        FootprintRun.start(layout, app, concat(variant.options(), "-XX:AOTCacheOutput=" + cache), Footprint.token(api),
                requests, Duration.ofMinutes(5));
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training start wrote no AOT cache; see " + layout.logs().resolve("footprint"));
        }
        return concat(variant.options(), "-XX:AOTCache=" + cache);
    }

    private static List<String> concat(List<String> options, String more) {
        return Stream.concat(options.stream(), Stream.of(more)).toList();
    }

    private static void say(List<String> lines, String line) {
        System.out.println(line);
        lines.add(line);
    }
}
