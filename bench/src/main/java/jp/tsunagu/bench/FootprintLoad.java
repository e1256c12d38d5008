package jp.tsunagu.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed number of an application's requests (its calls in turn) by a few clients at once, each
 * sending its next as soon as the last is answered: the same work for every start, whatever its speed.
 */
final class FootprintLoad {

    private FootprintLoad() {
    }

    /** Sends {@code requests} requests; answers how many were not answered with the status expected. */
    static int run(String baseUrl, String token, List<FootprintCall> calls, int requests, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            List<Future<Integer>> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                loops.add(pool.submit(() -> {
                    int failures = 0;
                    for (int i = client; i < requests; i += clients) {
                        FootprintCall call = calls.get(i % calls.size());
                        if (http.send(call.request(baseUrl, token), HttpResponse.BodyHandlers.discarding()).statusCode()
                                != call.expected()) {
                            failures++;
                        }
                    }
                    return failures;
                }));
            }
            int failures = 0;
            for (Future<Integer> loop : loops) {
                failures += loop.get();
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
