package jp.tsunagu.system;

import jp.tsunagu.infra.ManagedProcess;
import jp.tsunagu.local.DemoPage;
import jp.tsunagu.local.Infrastructure;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;
import jp.tsunagu.local.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as packaged, once per test JVM: real PostgreSQL, Kafka and Keycloak (the
 * realm file of deploy/keycloak), and the four services as processes on free ports, through the
 * same code the run command uses, and the demo page on its own origin. The services export their
 * traces to a collector in this JVM. Stopped, processes and all, when the JVM ends.
 */
public final class RunningSystem {

    private static RunningSystem instance;

    private final Layout layout;
    private final Infrastructure infrastructure;
    private final DemoPage demoPage;
    private final TraceCollector traces = TraceCollector.start();
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);

    private RunningSystem(Layout layout) {
        this.layout = layout;
        this.infrastructure = Infrastructure.start(layout);
        this.demoPage = DemoPage.serve(layout);
        try {
            for (Service service : Service.values()) {
                services.put(service, ServiceProcess.start(service, layout, List.of(), settings(service)));
            }
            for (Service service : Service.values()) {
                services.get(service).awaitReady(() -> ServiceProcess.isReady(service, layout), Duration.ofMinutes(3));
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * What the system tests set besides the layout: a crisis alert escalates after 4 seconds (not
     * 15 minutes), looked at every second, so a test sees escalation and its stop by acknowledgement;
     * a claim of an Idempotency-Key whose request died with its service is taken over after 10
     * seconds (not 2 minutes), so the fault tests' retries finish soon; traces on, exported to
     * {@link #traces()}.
     */
    private Map<String, String> settings(Service service) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("TSUNAGU_IDEMPOTENCY_ABANDONED_AFTER", "PT10S"));
        settings.putAll(traces.settings());
        if (service == Service.NOTIFICATION) {
            settings.put("TSUNAGU_NOTIFICATIONS_CRISIS_ESCALATE_AFTER", ESCALATE_AFTER.toString());
            settings.put("TSUNAGU_NOTIFICATIONS_CRISIS_ESCALATION_CHECK", "PT1S");
        }
        return settings;
    }

    /** How long a crisis alert waits for its acknowledgement in the system tests. */
    static final Duration ESCALATE_AFTER = Duration.ofSeconds(4);

    public static synchronized RunningSystem get() {
        if (instance == null) {
            Path repository = Path.of(System.getProperty("tsunagu.repository", "..")).toAbsolutePath().normalize();
            try {
                Path home = Files.createTempDirectory(repository.resolve("system-tests/target"), "system-");
                instance = new RunningSystem(Layout.ephemeral(repository, home));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "system-stop"));
        }
        return instance;
    }

    public String url(Service service) {
        return layout.serviceUrl(service);
    }

    public Layout layout() {
        return layout;
    }

    /** SIGKILL to the service's process, as a crash or the OOM killer would. */
    public synchronized void kill(Service service) {
        services.get(service).kill();
    }

    /** Starts the service again (after {@link #kill}) and waits until it says it is ready. */
    public synchronized void restart(Service service) {
        ManagedProcess process = ServiceProcess.start(service, layout, List.of(), settings(service));
        services.put(service, process);
        process.awaitReady(() -> ServiceProcess.isReady(service, layout), Duration.ofMinutes(3));
    }

    public boolean isReady(Service service) {
        return ServiceProcess.isReady(service, layout);
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The spans every service exported. */
    TraceCollector traces() {
        return traces;
    }

    private void stop() {
        services.values().forEach(ManagedProcess::close);
        demoPage.close();
        infrastructure.close();
        traces.close();
    }
}
