package jp.tsunagu.bench;

import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The memory of every process {@code ./tsunagu up} started, by part: the infra host (which serves
 * the demo page) and its children Kafka, Keycloak and GreenMail; PostgreSQL's postmaster (detached
 * by pg_ctl, found by its {@code postmaster.pid}) and its backends; the four services (by their PID
 * files in {@code .local/run}).
 */
final class FootprintSystem {

    /** One part of the system: its processes' memory added up (PSS adds up; RSS counts shared pages in each). */
    record Part(String name, int processes, ProcessMemory memory) {
    }

    private FootprintSystem() {
    }

    static List<Part> measure(Layout layout) throws IOException {
        Map<String, List<ProcessHandle>> parts = new LinkedHashMap<>();
        ProcessHandle infra = running(layout.run().resolve("infra.pid"))
                .orElseThrow(() -> new IllegalStateException("the infrastructure is not running: ./tsunagu up"));
        parts.computeIfAbsent("infra host, demo page", name -> new ArrayList<>()).add(infra);
        infra.descendants().forEach(child -> parts.computeIfAbsent(infraPart(child), name -> new ArrayList<>()).add(child));
        ProcessHandle postgres = running(layout.data().resolve("postgres/postmaster.pid"))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        parts.put("PostgreSQL", Stream.concat(Stream.of(postgres), postgres.descendants()).toList());
        for (Service service : Service.values()) {
            running(layout.run().resolve(service.module() + ".pid")).ifPresent(process -> parts.put(service.module(), List.of(process)));
        }
        List<Part> measured = new ArrayList<>();
        parts.forEach((name, processes) -> measured.add(new Part(name, processes.size(), processes.stream()
                .flatMap(process -> ProcessMemory.of(process.pid()).stream())
                .reduce(new ProcessMemory(0, 0), ProcessMemory::plus))));
        return measured;
    }

    private static String infraPart(ProcessHandle process) {
        String command = process.info().commandLine().orElse("");
        if (command.contains("kafka.Kafka")) {
            return "Kafka";
        }
        if (command.contains("keycloak") || command.contains("kc.sh")) {
            return "Keycloak";
        }
        if (command.contains("greenmail")) {
            return "GreenMail (mail server)";
        }
        return "other children of the infra host";
    }

    /** The process whose PID is the first line of {@code file}, if it runs. */
    private static Optional<ProcessHandle> running(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(file).getFirst().trim())).filter(ProcessHandle::isAlive);
    }
}
