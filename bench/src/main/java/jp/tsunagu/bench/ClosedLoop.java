package jp.tsunagu.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Clients that each send their next request as soon as the last is answered (as wrk does), for a
 * warm-up that is not counted and then a measured duration: requests per second and latencies.
 * HTTP/1.1 with keep-alive, one connection per client.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /**
     * Runs {@code clients} loops of {@code next} for warm-up plus duration; a request answered with
     * another status than {@code expected} counts as failed, not measured.
     */
    static Throughput run(String name, int clients, Duration warmup, Duration duration, Supplier<HttpRequest> next,
                      int expected) throws Exception {
        return run(name, clients, warmup, duration, next, expected, Duration.ZERO);
    }

    /**
     * As {@link #run(String, int, Duration, Duration, Supplier, int)}, each client pausing after an
     * answer, and before its first request, for a think time drawn from an exponential distribution
     * of the given mean: people at work rather than a load generator (zero: none).
     */
    static Throughput run(String name, int clients, Duration warmup, Duration duration, Supplier<HttpRequest> next,
                      int expected, Duration meanThink) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicInteger failures = new AtomicInteger();
        List<String> firstFailures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(pool.submit(() -> {
                List<Long> measured = new ArrayList<>();
                // people do not all click at the same instant: without this, every series of people at
                // work would begin with one request per client at once, a burst its p95 would measure
                think(meanThink, end);
                while (System.nanoTime() < end) {
                    HttpRequest request = next.get();
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long answered = System.nanoTime();
                    if (sent < measureFrom || answered > end) {
                        continue;
                    }
                    if (answer.statusCode() != expected) {
                        failures.incrementAndGet();
                        if (firstFailures.size() < 5) {
                            firstFailures.add(answer.statusCode() + " " + answer.body());
                        }
                    } else {
                        measured.add(answered - sent);
                    }
                    think(meanThink, end);
                }
                return measured;
            }));
        }
        Latencies latencies = new Latencies(name);
        try {
            for (Future<List<Long>> loop : loops) {
                loop.get().forEach(latencies::add);
            }
        } finally {
            pool.shutdownNow();
            http.close();
        }
        return new Throughput(name, clients, latencies, duration.toNanos() / 1e9, failures.get(), List.copyOf(firstFailures));
    }

    /** A user's pause before the next request (the model of a person, not a wait for the system). */
    private static void think(Duration mean, long end) throws InterruptedException {
        if (mean.isZero()) {
            return;
        }
        double pause = -Math.log(1 - ThreadLocalRandom.current().nextDouble()) * mean.toNanos();
        long nanos = Math.min((long) pause, Math.max(0, end - System.nanoTime()));
        Thread.sleep(Duration.ofNanos(nanos));
    }
}
