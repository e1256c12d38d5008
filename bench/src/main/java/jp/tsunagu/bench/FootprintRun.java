package jp.tsunagu.bench;

import jp.tsunagu.infra.ManagedProcess;
import jp.tsunagu.infra.Ports;
import jp.tsunagu.local.Layout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One start of an application beside the running system, on a free port with the services'
 * environment: the time from starting the process to the first 200 of {@code /q/health/ready} (and
 * the CPU time it used until then) and to the first 200 of its first request with a token, Quarkus'
 * own "started in", then its load, its
 * memory after it (RSS, PSS), and the stop. Its output goes to {@code .local/logs/footprint/<app>.log}.
 */
final class FootprintRun {

    static final int CLIENTS = 4;
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What one start measured, in seconds from the process's start and KiB. */
    record Start(double readySeconds, double cpuSeconds, double firstCallSeconds, double quarkusSeconds, ProcessMemory afterLoad,
                 int failures) {
    }

    private FootprintRun() {
    }

    static Start once(Layout layout, FootprintApp app, List<String> jvmOptions, String token, int requests) throws Exception {
        return start(layout, app, jvmOptions, token, requests, Duration.ofSeconds(30));
    }

    /**
     * A start whose JVM writes something at its exit (an AOT cache, {@code -XX:AOTCacheOutput}):
     * the same measurement, then up to {@code exitLimit} for the JVM to finish writing.
     */
    static Start start(Layout layout, FootprintApp app, List<String> jvmOptions, String token, int requests,
                       Duration exitLimit) throws Exception {
        int port = Ports.free();
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", app.jar().toString()));
        Path log = layout.logs().resolve("footprint").resolve(app.name() + ".log");
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        Map<String, String> environment = FootprintEnvironment.of(layout, app.name(), port, app.database());
        long started = System.nanoTime();
        ManagedProcess process = ManagedProcess.start(app.name(), command, environment, app.module(), log);
        try {
            String base = "http://127.0.0.1:" + port;
            double ready = awaitOk(process, started, HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build());
            double cpu = ProcessCpu.seconds(process.pid());
            double firstCall = awaitOk(process, started, app.load().getFirst().request(base, token));
            int failures = FootprintLoad.run(base, token, app.load(), requests, CLIENTS);
            ProcessMemory memory = ProcessMemory.of(process.pid()).orElseThrow(
                    () -> new IllegalStateException(app.name() + " stopped during its load; see " + log));
            return new Start(ready, cpu, firstCall, quarkusStartedIn(log, logFrom), memory, failures);
        } finally {
            stop(process, exitLimit);
        }
    }

    private static double awaitOk(ManagedProcess process, long started, HttpRequest request) throws InterruptedException {
        long deadline = started + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process stopped while starting; see " + process.log());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20); // a poll of the starting process
        }
        throw new IllegalStateException("no 200 from " + request.uri().getPath() + " within " + START_LIMIT + "; see " + process.log());
    }

    /** Quarkus' own figure ("started in 2.345s") from what this start wrote to the log, NaN if it is not there. */
    private static double quarkusStartedIn(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        Matcher started = STARTED_IN.matcher(new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8));
        return started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
    }

    private static void stop(ManagedProcess process, Duration exitLimit) {
        ProcessHandle.of(process.pid()).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(exitLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception tooLong) {
                // close() below kills it
            }
        });
        process.close();
    }
}
