package jp.tsunagu.bench;

import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL's own load tool on the local system's database: a script (the statements one
 * request issues) run by as many clients as the service had, prepared statements, for a
 * duration; its per-transaction log gives the latencies. The binary comes from
 * {@code TSUNAGU_PGBENCH}, the {@code PATH} or Debian's {@code /usr/lib/postgresql/<n>/bin}
 * (bench/install-pgbench.sh installs it where none is).
 */
final class Pgbench {

    private final Path binary;
    private final Layout layout;

    private Pgbench(Path binary, Layout layout) {
        this.binary = binary;
        this.layout = layout;
    }

    static Pgbench find(Layout layout) {
        return locate().map(binary -> new Pgbench(binary, layout)).orElseThrow(() -> new IllegalStateException(
                "pgbench not found: set TSUNAGU_PGBENCH or run bench/install-pgbench.sh"));
    }

    private static Optional<Path> locate() {
        Optional<Path> configured = Optional.ofNullable(System.getenv("TSUNAGU_PGBENCH")).map(Path::of);
        if (configured.isPresent()) {
            return configured.filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "pgbench"));
        Stream<Path> debian;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            debian = versions.map(version -> version.resolve("bin/pgbench")).toList().stream();
        } catch (IOException none) {
            debian = Stream.empty();
        }
        return Stream.concat(onPath, debian).filter(Files::isExecutable).findFirst();
    }

    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return out;
    }

    /**
     * Runs {@code script} on {@code database} with {@code clients} connections for {@code duration}
     * after a warm-up of the same script that is not counted; {@code variables} become {@code -D}.
     */
    Throughput run(String name, String database, Path script, int clients, Duration warmup, Duration duration,
                   Map<String, String> variables) throws IOException, InterruptedException {
        if (!warmup.isZero()) {
            execute(database, script, clients, warmup, variables, Optional.empty());
        }
        Path logs = Files.createTempDirectory("tsunagu-pgbench");
        try {
            String out = execute(database, script, clients, duration, variables, Optional.of(logs));
            Latencies latencies = new Latencies(name);
            int failed = 0;
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    for (String line : Files.readAllLines(log)) {
                        // client_id transaction_no time_us script_no epoch epoch_us (time "failed"/"skipped" when not done)
                        String[] fields = line.split(" ");
                        if (fields[2].chars().allMatch(Character::isDigit)) {
                            latencies.add(Long.parseLong(fields[2]) * 1000);
                        } else {
                            failed++;
                        }
                    }
                }
            }
            return new Throughput(name, clients, latencies, duration.toNanos() / 1e9, failed,
                    failed == 0 ? List.of() : List.of(out.lines().filter(l -> l.contains("ERROR")).limit(3)
                            .reduce("", (a, b) -> a + b + " ")));
        } finally {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(logs);
        }
    }

    private String execute(String database, Path script, int clients, Duration duration, Map<String, String> variables,
                           Optional<Path> logs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + Math.min(clients, 2), "--time=" + duration.toSeconds(),
                "--file=" + script, "--host=127.0.0.1", "--port=" + layout.postgresPort(), "--username=postgres"));
        variables.forEach((key, value) -> command.add("--define=" + key + "=" + value));
        logs.ifPresent(folder -> command.addAll(List.of("--log", "--log-prefix=" + folder.resolve("tx"))));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", DatabasePassword.of(layout));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + out.lines().limit(20).toList());
        }
        return out;
    }
}
