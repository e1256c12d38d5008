package jp.tsunagu.local;

import jp.tsunagu.infra.InfraException;
import jp.tsunagu.infra.ManagedProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run command's engine: {@code up [--fresh]}, {@code down}, {@code status}. Infrastructure runs
 * in one detached "infra host" process, each service in its own; PID files in {@code .local/run}
 * record exactly what was started, logs go to {@code .local/logs}, data stays in {@code .local/data}.
 */
public final class LocalSystem {

    private static final String INFRA = "infra";
    private static final Duration INFRA_START = Duration.ofMinutes(5);
    private static final Duration SERVICE_START = Duration.ofMinutes(3);

    private final Layout layout;
    private final PidFiles pids;

    LocalSystem(Layout layout) {
        this.layout = layout;
        this.pids = new PidFiles(layout.run());
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("tsunagu.repository", ".")).toAbsolutePath().normalize();
        LocalSystem system = new LocalSystem(Layout.local(repository));
        String command = args.length == 0 ? "status" : args[0];
        boolean fresh = List.of(args).contains("--fresh");
        try {
            switch (command) {
                case "up" -> system.up(fresh);
                case "down" -> system.down();
                case "status" -> system.status();
                case "infra-host" -> system.hostInfrastructure();
                default -> {
                    System.err.println("usage: up [--fresh] | down | status");
                    System.exit(2);
                }
            }
        } catch (InfraException e) {
            System.err.println("tsunagu: " + e.getMessage());
            System.exit(1);
        }
    }

    void up(boolean fresh) throws IOException {
        if (fresh) {
            down();
            deleteTree(layout.data());
            deleteTree(layout.keycloakHome().resolve("data"));
            System.out.println("Wiped the local data (" + layout.data() + ").");
        }
        Files.createDirectories(layout.logs());
        startInfrastructure();
        List<Service> started = new ArrayList<>();
        for (Service service : Service.values()) {
            if (pids.running(service.module()).isPresent()) {
                continue;
            }
            ManagedProcess process = ServiceProcess.start(service, layout, detached());
            pids.write(service.module(), process.pid());
            started.add(service);
        }
        for (Service service : started) {
            awaitReady(service);
        }
        DemoLoad.whereEmpty(layout).forEach(System.out::println);
        printWhereEverythingIs();
    }

    private void startInfrastructure() {
        Path ready = layout.run().resolve("infra.ready");
        if (pids.running(INFRA).isPresent() && Files.exists(ready)) {
            return;
        }
        pids.stop(INFRA, Duration.ofSeconds(60));
        try {
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            throw new InfraException("cannot write " + layout.run(), e);
        }
        System.out.println("Starting PostgreSQL, Kafka, Keycloak and the mail server (the first start unpacks Keycloak: about a minute)...");
        List<String> command = new ArrayList<>(detached());
        command.addAll(List.of(ManagedProcess.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dtsunagu.repository=" + layout.repository(),
                "-cp", System.getProperty("java.class.path"), LocalSystem.class.getName(), "infra-host"));
        ManagedProcess host = ManagedProcess.start("infrastructure", command, java.util.Map.of(),
                layout.repository(), layout.logs().resolve("infra.log"));
        pids.write(INFRA, host.pid());
        host.awaitReady(() -> Files.exists(ready), INFRA_START);
    }

    /** The detached infra host: starts everything (and serves the demo page), says so, and holds it until told to stop. */
    void hostInfrastructure() throws Exception {
        Infrastructure infrastructure = Infrastructure.start(layout);
        DemoPage page = DemoPage.serve(layout);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            page.close();
            infrastructure.close();
        }, "infra-stop"));
        Files.createDirectories(layout.run());
        Files.writeString(layout.run().resolve("infra.ready"), "ready");
        System.out.println("infrastructure ready");
        Thread.currentThread().join();
    }

    private void awaitReady(Service service) {
        long deadline = System.nanoTime() + SERVICE_START.toNanos();
        while (!ServiceProcess.isReady(service, layout)) {
            if (pids.running(service.module()).isEmpty()) {
                throw new InfraException(service.module() + " stopped while starting; see "
                        + layout.logs().resolve(service.module() + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new InfraException(service.module() + " not ready after " + SERVICE_START + "; see "
                        + layout.logs().resolve(service.module() + ".log"));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    void down() {
        for (Service service : Service.values()) {
            if (pids.stop(service.module(), Duration.ofSeconds(30))) {
                System.out.println("stopped " + service.module());
            }
        }
        if (pids.stop(INFRA, Duration.ofSeconds(90))) {
            System.out.println("stopped PostgreSQL, Kafka, Keycloak and the mail server");
        }
        try {
            Files.deleteIfExists(layout.run().resolve("infra.ready"));
        } catch (IOException e) {
            throw new InfraException("cannot clean " + layout.run(), e);
        }
    }

    void status() {
        System.out.printf("%-22s %s%n", "infrastructure", describe(INFRA));
        for (Service service : Service.values()) {
            System.out.printf("%-22s %s  %s%n", service.module(), describe(service.module()), layout.serviceUrl(service));
        }
    }

    private String describe(String name) {
        return pids.running(name).map(p -> "running (pid " + p.pid() + ")").orElse("stopped");
    }

    private void printWhereEverythingIs() {
        StringBuilder out = new StringBuilder("\nTsunagu is running.\n\n");
        for (Service service : Service.values()) {
            out.append(String.format("  %-21s %s/api/v1   Swagger UI %s/q/swagger-ui%n",
                    service.module(), layout.serviceUrl(service), layout.serviceUrl(service)));
        }
        out.append(String.format("%n  Demo page             %s (a web app on its own origin: log in as tokyo-supporter-1)%n",
                layout.demoPageUrl()));
        out.append(String.format("  Keycloak              %s (admin console: admin / admin)%n", layout.keycloakUrl()))
                .append(String.format("  PostgreSQL            127.0.0.1:%d (user postgres, password in %s;%n", layout.postgresPort(),
                        layout.repository().relativize(DatabasePassword.file(layout))))
                .append("                        databases cases, visits, referrals, notifications)\n")
                .append(String.format("  Kafka                 127.0.0.1:%d%n", layout.kafkaPort()))
                .append(String.format("  Mail (GreenMail)      SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d: log in with a demo user's address%n",
                        layout.smtpPort(), layout.imapPort()))
                .append("                        (e.g. tokyo-supervisor@example.invalid) and any password; mail is kept in memory\n")
                .append(String.format("%n  Demo logins (password demo-password, demo only): tokyo-supporter-1, tokyo-supporter-2,%n"))
                .append("  tokyo-supervisor, tokyo-peer, osaka-supporter, osaka-supervisor, tsunagu-admin\n")
                .append(String.format("  A token: curl -s %s/protocol/openid-connect/token -d grant_type=password \\%n", layout.issuer()))
                .append("    -d client_id=tsunagu-app -d username=tokyo-supporter-1 -d password=demo-password\n")
                .append(String.format("%n  Logs: %s    Stop: ./tsunagu down    Wipe data: ./tsunagu up --fresh%n", layout.logs()));
        System.out.println(out);
    }

    /** setsid, where there is one, so that the started processes do not share the terminal's signals. */
    private static List<String> detached() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) ? List.of("/usr/bin/setsid") : List.of();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
