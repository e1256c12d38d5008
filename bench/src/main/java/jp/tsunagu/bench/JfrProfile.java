package jp.tsunagu.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CPU profile of a running service, taken with the JDK's Flight Recorder (started and dumped
 * through {@code jcmd}): each execution sample is charged to the component of its first frame
 * outside the JDK (Hibernate, the REST layer, token checks, JSON, JDBC, Kafka, our own code...),
 * so that the printed shares say which part of the stack the CPU went to.
 */
final class JfrProfile {

    /** Components by package prefix, first match wins; anything else is "other libraries". */
    private static final Map<String, String> COMPONENTS = components();

    private final long pid;
    private final String name;

    private JfrProfile(long pid, String name) {
        this.pid = pid;
        this.name = name;
    }

    static JfrProfile start(long pid) throws IOException, InterruptedException {
        JfrProfile profile = new JfrProfile(pid, "tsunagu-bench-" + System.nanoTime());
        profile.jcmd("JFR.start", "name=" + profile.name, "settings=profile");
        return profile;
    }

    /** Stops the recording and answers the components' shares of the samples, largest first. */
    List<String> stop() throws IOException, InterruptedException {
        Path file = Files.createTempFile("tsunagu-profile", ".jfr");
        try {
            jcmd("JFR.stop", "name=" + name, "filename=" + file);
            Map<String, Integer> samples = new LinkedHashMap<>();
            int total = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    samples.merge(componentOf(event.getStackTrace().getFrames()), 1, Integer::sum);
                    total++;
                }
            }
            int all = Math.max(1, total);
            List<String> lines = new ArrayList<>();
            lines.add(String.format("  CPU profile (JFR, %d samples), by the first frame outside the JDK:", total));
            samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(entry -> lines.add(String.format("    %5.1f %%  %s", 100.0 * entry.getValue() / all, entry.getKey())));
            return lines;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String componentOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
                if (type.startsWith(component.getKey())) {
                    return component.getValue();
                }
            }
            return "other libraries";
        }
        return "JDK only (GC, JIT, I/O)";
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + ": " + out.strip());
        }
    }

    private static Map<String, String> components() {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("jp.tsunagu.platform.audit", "audit trail (ours)");
        components.put("jp.tsunagu.platform.idempotency", "idempotency (ours)");
        components.put("jp.tsunagu.platform.outbox", "outbox (ours)");
        components.put("jp.tsunagu.platform.inbox", "inbox, event consumption (ours)");
        components.put("jp.tsunagu", "services' own code");
        components.put("org.hibernate", "Hibernate ORM");
        components.put("io.quarkus.hibernate", "Hibernate ORM");
        components.put("com.fasterxml.jackson", "JSON (Jackson)");
        components.put("io.quarkus.oidc", "token check (OIDC, jose4j)");
        components.put("io.smallrye.jwt", "token check (OIDC, jose4j)");
        components.put("org.jose4j", "token check (OIDC, jose4j)");
        components.put("io.quarkus.security", "security checks");
        components.put("org.jboss.resteasy", "REST layer (Quarkus REST)");
        components.put("io.quarkus.resteasy", "REST layer (Quarkus REST)");
        components.put("io.netty", "HTTP and network I/O (Vert.x, Netty)");
        components.put("io.vertx", "HTTP and network I/O (Vert.x, Netty)");
        components.put("org.postgresql", "JDBC (PostgreSQL driver, Agroal)");
        components.put("io.agroal", "JDBC (PostgreSQL driver, Agroal)");
        components.put("com.arjuna", "transactions (Narayana)");
        components.put("io.quarkus.narayana", "transactions (Narayana)");
        components.put("org.apache.kafka", "Kafka client and messaging");
        components.put("io.smallrye.reactive.messaging", "Kafka client and messaging");
        components.put("io.quarkus.arc", "CDI (ArC)");
        components.put("io.micrometer", "metrics (Micrometer)");
        components.put("org.jboss.logmanager", "logging");
        components.put("org.jboss.logging", "logging");
        return components;
    }
}
