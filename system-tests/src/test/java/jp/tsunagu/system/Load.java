package jp.tsunagu.system;

import jp.tsunagu.local.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Requests sent by a number of clients at once against the running system, every answer kept
 * (status, body, or the failure of a connection cut), so a test can check afterwards what was
 * acknowledged and what became of it. A fault is injected from the test's own thread while the
 * load runs, at a point given by how many requests have been answered.
 */
final class Load implements AutoCloseable {

    /** One request: which service, method, path, JSON body (or none), extra headers. */
    record Call(String kind, Service service, String method, String path, String body, Map<String, String> headers) {
    }

    /** What came back: the status, or -1 when no answer arrived (connection refused, reset or timed out). */
    record Answer(Call call, int status, String contentType, String body, Map<String, List<String>> headers) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService clients;
    private final AtomicInteger answered = new AtomicInteger();
    private final List<Future<Answer>> pending = Collections.synchronizedList(new ArrayList<>());

    Load(int clients) {
        this.clients = Executors.newFixedThreadPool(clients);
    }

    /** Queues the calls; the clients send them as they are free. */
    void send(List<Call> calls, String token) {
        for (Call call : calls) {
            pending.add(clients.submit(() -> {
                try {
                    return send(call, token);
                } finally {
                    answered.incrementAndGet();
                    synchronized (answered) {
                        answered.notifyAll();
                    }
                }
            }));
        }
    }

    /** Waits (in the test's thread) until the condition holds of the number of answers so far. */
    void awaitAnswered(IntPredicate condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (answered) {
            while (!condition.test(answered.get())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the load did not get that far in " + atMost + ": " + answered.get() + " answered");
                }
                try {
                    answered.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    int answered() {
        return answered.get();
    }

    /** Every answer, in the order the calls were queued, once all are in. */
    List<Answer> answers() {
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : List.copyOf(pending)) {
            try {
                answers.add(future.get());
            } catch (Exception e) {
                throw new AssertionError("a client failed: " + e, e);
            }
        }
        return answers;
    }

    Answer send(Call call, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.get().url(call.service()) + call.path()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
        }
        call.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(call, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            return new Answer(call, -1, "", e.getClass().getSimpleName(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(call, -1, "", "interrupted", Map.of());
        }
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
