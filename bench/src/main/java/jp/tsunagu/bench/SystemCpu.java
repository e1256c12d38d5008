package jp.tsunagu.bench;

import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CPU time used by each part of the local system (the four services, PostgreSQL with all its
 * backends, Kafka, Keycloak, the mail server, the process that started them, and the bench's own
 * client), read from the operating system: where a request's cost goes, on a machine where the
 * parts share two cores. A snapshot; {@link #since} gives what each part used in between.
 */
final class SystemCpu {

    private final Map<String, Duration> byPart;

    private SystemCpu(Map<String, Duration> byPart) {
        this.byPart = byPart;
    }

    static SystemCpu snapshot(Layout layout) {
        Map<String, Duration> parts = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            pid(layout.run().resolve(service.module() + ".pid")).flatMap(ProcessHandle::of)
                    .ifPresent(process -> add(parts, service.module(), process));
        }
        pid(layout.run().resolve("infra.pid")).flatMap(ProcessHandle::of).ifPresent(infra -> {
            add(parts, "infrastructure launcher", infra);
            infra.descendants().forEach(process -> add(parts, partOf(process), process));
        });
        // pg_ctl detaches the postmaster: its pid is the first line of postmaster.pid
        pid(layout.data().resolve("postgres/postmaster.pid")).flatMap(ProcessHandle::of).ifPresent(postmaster -> {
            add(parts, "PostgreSQL", postmaster);
            postmaster.descendants().forEach(backend -> add(parts, "PostgreSQL", backend));
        });
        add(parts, "bench client", ProcessHandle.current());
        return new SystemCpu(parts);
    }

    /** The process id of a service the local system runs. */
    static long pidOf(Layout layout, Service service) {
        return pid(layout.run().resolve(service.module() + ".pid"))
                .orElseThrow(() -> new IllegalStateException(service.module() + " is not running: ./tsunagu up"));
    }

    /** CPU used by each part since {@code before}, in milliseconds per one of {@code units} (a request, a transaction). */
    String perUnit(SystemCpu before, long units) {
        Map<String, Double> millis = new LinkedHashMap<>();
        byPart.forEach((part, cpu) -> millis.put(part,
                (cpu.minus(before.byPart.getOrDefault(part, Duration.ZERO)).toNanos() / 1e6) / Math.max(1, units)));
        double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format("CPU ms per request: %s; total %.1f", millis.entrySet().stream()
                .filter(entry -> entry.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format("%s %.1f", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ")), total);
    }

    private static String partOf(ProcessHandle process) {
        String command = process.info().commandLine().or(() -> process.info().command()).orElse("");
        if (command.contains("kc.config") || command.contains("keycloak")) {
            return "Keycloak";
        }
        if (command.contains("kafka")) {
            return "Kafka";
        }
        if (command.contains("greenmail")) {
            return "mail server";
        }
        return "other";
    }

    private static void add(Map<String, Duration> parts, String part, ProcessHandle process) {
        process.info().totalCpuDuration().ifPresent(cpu -> parts.merge(part, cpu, Duration::plus));
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).lines().findFirst().orElse("").strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
