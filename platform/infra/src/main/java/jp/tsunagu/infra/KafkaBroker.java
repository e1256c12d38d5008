package jp.tsunagu.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real Kafka 4.4 broker in KRaft mode (broker and controller in one process), run as a child
 * process from the jars Maven resolved. It can be stopped and started again on the same ports and
 * log directory, which is how tests take the broker down and bring it back.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String STARTED = "Kafka Server started";

    private final Path home;
    private final int port;
    private final int controllerPort;
    private ManagedProcess process;

    private KafkaBroker(Path home, int port, int controllerPort) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker whose data lives in {@code home}; a port of 0 takes a free one. */
    public static KafkaBroker start(Path home, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(home,
                port > 0 ? port : Ports.free(), controllerPort > 0 ? controllerPort : Ports.free());
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (Ports.answers(port)) {
            throw new InfraException("port " + port + " is taken: is another Kafka running?");
        }
        try {
            Files.createDirectories(home);
            Path config = writeConfig();
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                format(config);
            }
            Path log = home.resolve("kafka.log");
            long offset = Files.exists(log) ? Files.size(log) : 0;
            process = ManagedProcess.start("Kafka", javaCommand("kafka.Kafka", config.toString()),
                    Map.of(), home, log);
            process.awaitReady(() -> logSince(log, offset).contains(STARTED), Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new InfraException("Kafka could not be prepared in " + home, e);
        }
    }

    /** Stops the broker; {@link #start()} brings it back with its data. */
    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** SIGKILL, as a crash would; {@link #start()} brings it back with what reached its log. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void format(Path config) {
        ManagedProcess.run("Kafka storage format",
                javaCommand("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()),
                home, home.resolve("format.log"), Duration.ofSeconds(60));
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                ManagedProcess.javaExecutable(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", InfraArtifacts.kafkaBrokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path writeConfig() throws IOException {
        Files.writeString(home.resolve("log4j2.properties"), """
                rootLogger.level=INFO
                rootLogger.appenderRef.out.ref=OUT
                appender.out.type=Console
                appender.out.name=OUT
                appender.out.layout.type=PatternLayout
                appender.out.layout.pattern=[%d] %p %m (%c)%n
                logger.kafka.name=kafka
                logger.kafka.level=WARN
                logger.kraft.name=org.apache.kafka
                logger.kraft.level=WARN
                logger.server.name=kafka.server.KafkaRaftServer
                logger.server.level=INFO
                """);
        Path config = home.resolve("server.properties");
        Files.writeString(config, """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                default.replication.factor=1
                min.insync.replicas=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, home.resolve("data")));
        return config;
    }

    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        String id;
        do {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static String logSince(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
