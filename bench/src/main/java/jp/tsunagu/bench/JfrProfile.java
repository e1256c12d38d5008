package jp.tsunagu.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CPU profile of a running service, taken with the JDK's Flight Recorder (started and dumped
 * through {@code jcmd}): each execution sample is charged to the component of its first frame
 * outside the JDK (Hibernate, the REST layer, token checks, JSON, JDBC, Kafka, our own code...),
 * so that the printed shares say which part of the stack the CPU went to. The same samples are also
 * charged to what the service was doing (answering HTTP requests, consuming events, relaying its
 * outbox, a scheduled job), which tells a request's own work from the background's; and the
 * recording's GC pauses, JIT compilation and the machine's CPU load per second are summed up.
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
            Map<String, Integer> activities = new LinkedHashMap<>();
            int total = 0;
            Pauses pauses = new Pauses();
            Compilation compilation = new Compilation();
            List<Double> machineLoad = new ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        if (event.getStackTrace() != null) {
                            List<RecordedFrame> frames = event.getStackTrace().getFrames();
                            samples.merge(componentOf(frames), 1, Integer::sum);
                            activities.merge(activityOf(frames, event.getThread("sampledThread")), 1, Integer::sum);
                            total++;
                        }
                    }
                    case "jdk.GarbageCollection" -> pauses.add(event);
                    case "jdk.CompilerStatistics" -> compilation.add(event);
                    case "jdk.CPULoad" -> machineLoad.add(event.getFloat("machineTotal") * 100.0);
                    default -> { }
                }
            }
            List<String> lines = new ArrayList<>();
            lines.add(String.format("  CPU profile (JFR, %d samples), by the first frame outside the JDK:", total));
            shares(samples, total, lines);
            lines.add("  the same samples, by what the service was doing:");
            shares(activities, total, lines);
            lines.add("  " + pauses.line() + "; " + compilation.line());
            if (!machineLoad.isEmpty()) {
                double[] load = machineLoad.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                lines.add(String.format("  the machine's CPU (all processes) per second of the recording: mean %.0f %%, median %.0f %%,"
                                + " seconds above 90 %%: %d of %d, highest %.0f %%", machineLoad.stream().mapToDouble(Double::doubleValue)
                                .average().orElse(0), load[load.length / 2], machineLoad.stream().filter(l -> l > 90).count(),
                        load.length, load[load.length - 1]));
            }
            return lines;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void shares(Map<String, Integer> samples, int total, List<String> lines) {
        int all = Math.max(1, total);
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(entry -> lines.add(String.format("    %5.1f %%  %s", 100.0 * entry.getValue() / all, entry.getKey())));
    }

    /**
     * What a sample's thread was doing: the outermost frame that names an activity (a request's
     * handler runs inside the REST layer, an event's inside messaging); when JFR cut the stack (it
     * keeps 64 frames), a frame of our resources' or consumers' packages; else the thread's name.
     */
    static String activityOf(List<RecordedFrame> frames, RecordedThread thread) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            String type = frames.get(i).getMethod().getType().getName();
            for (Map.Entry<String, String> activity : ACTIVITIES.entrySet()) {
                if (type.startsWith(activity.getKey())) {
                    return activity.getValue();
                }
            }
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            String type = frames.get(i).getMethod().getType().getName();
            for (Map.Entry<Pattern, String> entryPoint : OUR_ENTRY_POINTS.entrySet()) {
                if (entryPoint.getKey().matcher(type).matches()) {
                    return entryPoint.getValue();
                }
            }
        }
        String name = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
        if (name.startsWith("vert.x-eventloop")) {
            return "HTTP and Kafka I/O on the event loops";
        }
        if (name.contains("kafka")) {
            return "Kafka client threads (producer, consumer fetches)";
        }
        return "other threads (" + name.replaceAll("[-_ ]?\\d+$", "") + ")";
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
        Jcmd.run(pid, command);
    }

    /** Activities by the package or class of a frame, first match wins (checked from the thread's outermost frame). */
    private static final Map<String, String> ACTIVITIES = activities();

    private static Map<String, String> activities() {
        Map<String, String> activities = new LinkedHashMap<>();
        activities.put("jp.tsunagu.platform.outbox.OutboxRelay", "relaying the outbox to Kafka");
        activities.put("io.smallrye.reactive.messaging", "consuming events (inbox)");
        activities.put("jp.tsunagu.platform.inbox", "consuming events (inbox)");
        activities.put("io.quarkus.scheduler", "scheduled jobs (watches, sweeps)");
        activities.put("org.jboss.resteasy.reactive.server", "answering HTTP requests");
        activities.put("io.quarkus.vertx.http.runtime", "answering HTTP requests");
        activities.put("io.quarkus.oidc", "answering HTTP requests");
        return activities;
    }

    /** Where a cut stack still tells its activity: our resources, the audit of a resource's call, our consumers. */
    private static final Map<Pattern, String> OUR_ENTRY_POINTS = Map.of(
            Pattern.compile("jp\\.tsunagu\\.\\w+\\.api\\..*"), "answering HTTP requests",
            Pattern.compile("jp\\.tsunagu\\.platform\\.audit\\.AuditInterceptor.*"), "answering HTTP requests",
            Pattern.compile("jp\\.tsunagu\\.\\w+\\.events\\.\\w*Consumer.*"), "consuming events (inbox)");

    /** The garbage collections of the recording: how many, their pauses summed, the longest. */
    private static final class Pauses {
        private int count;
        private Duration sum = Duration.ZERO;
        private Duration longest = Duration.ZERO;

        void add(RecordedEvent gc) {
            count++;
            Duration pause = gc.getDuration("sumOfPauses");
            sum = sum.plus(pause);
            longest = pause.compareTo(longest) > 0 ? pause : longest;
        }

        String line() {
            return String.format("GC: %d collections, pauses %.1f ms in all, longest %.1f ms", count, sum.toNanos() / 1e6,
                    longest.toNanos() / 1e6);
        }
    }

    /** The JIT's work during the recording, from its periodic statistics (first to last). */
    private static final class Compilation {
        private RecordedEvent first;
        private RecordedEvent last;

        void add(RecordedEvent statistics) {
            first = first == null ? statistics : first;
            last = statistics;
        }

        String line() {
            if (first == null) {
                return "JIT: no statistics recorded";
            }
            return String.format("JIT: %d methods compiled, %d ms of compiler threads' time",
                    last.getInt("compileCount") - first.getInt("compileCount"),
                    last.getDuration("totalTimeSpent").minus(first.getDuration("totalTimeSpent")).toMillis());
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
