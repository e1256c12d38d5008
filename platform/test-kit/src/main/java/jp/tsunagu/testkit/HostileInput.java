package jp.tsunagu.testkit;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.assertj.core.api.SoftAssertions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input an attacker (or a broken client) sends, fed to a service's real endpoints a table at a time:
 * each request must be refused as api.md says, application/problem+json with its status and a
 * detail, and where a field is named a violation of that field saying what was expected; a refused
 * write must leave what the service shows exactly as it was. Soft: a table reports every wrong
 * answer at once, and an empty body or a 2xx fails as an assertion, not as an exception. Writers
 * racing on one object must each get a success or a conflict, never a 500.
 */
public final class HostileInput {

    /** One row: who sends what where (the target as written: no encoding), and the refusal expected. */
    public record Hostile(String name, TestTokens.Builder caller, String method, String target, Map<String, String> headers,
                          String body, int status, String field, String expected) {
    }

    private HostileInput() {
    }

    /** A body as JSON, e.g. for a raw exchange. */
    public static String json(Map<String, ?> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as raw JSON with {@code field} written as given ({@code json} may be anything, valid or not). */
    public static String withField(Map<String, ?> body, String field, String json) {
        Map<String, Object> others = new java.util.LinkedHashMap<>(body);
        others.remove(field);
        return json(others).replaceFirst("^\\{", Matcher.quoteReplacement("{\"" + field + "\": " + json + ", "));
    }

    /** A PATCH body goes as a merge patch, any other as JSON. */
    public static Response send(Hostile h) {
        var request = given().urlEncodingEnabled(false).auth().oauth2(h.caller().token()).headers(h.headers());
        if (h.body() != null) {
            request.contentType("PATCH".equals(h.method()) ? "application/merge-patch+json" : "application/json")
                    .body(h.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(h.method(), h.target());
    }

    /** Sends each row; {@code state}, read before and after each, must not change. */
    public static void expectRefused(List<Hostile> rows, Supplier<String> state) {
        SoftAssertions softly = new SoftAssertions();
        for (Hostile h : rows) {
            String before = state.get();
            Response answer = send(h);
            expectProblem(softly, h.name(), h.status(), answer.statusCode(), answer.contentType(), answer.asString(),
                    h.field(), h.expected());
            softly.assertThat(state.get()).as(h.name() + ": what the service shows afterwards").isEqualTo(before);
        }
        softly.assertAll();
    }

    /** Sends each row (reads: there is nothing they could have changed). */
    public static void expectRefused(List<Hostile> rows) {
        expectRefused(rows, () -> "");
    }

    /**
     * {@code rounds} times, {@code writers} requests at once; {@code round} prepares each round (reading
     * the current ETags, say) and answers writer n's request. Each answer as "status content-type body".
     */
    public static List<String> race(int rounds, int writers, Supplier<IntFunction<Response>> round) {
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int r = 0; r < rounds; r++) {
                IntFunction<Response> write = round.get();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> running = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    int n = writer;
                    running.add(pool.submit(() -> {
                        start.await();
                        Response answer = write.apply(n);
                        answers.add(answer.statusCode() + " " + answer.contentType() + " " + answer.asString());
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> each : running) {
                    each.get(60, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(answers);
    }

    /**
     * Each of the {@code count} answers a success or a 409/412 problem, at least one a 200; a 201 at
     * most once (api.md: the PUT that creates a resource answers 201, the later ones 200).
     */
    public static void expectSuccessOrConflict(List<String> answers, int count) {
        assertThat(answers).hasSize(count).allSatisfy(answer -> assertThat(Integer.parseInt(answer.substring(0, 3)))
                .as(answer).isIn(Set.of(200, 201, 409, 412)));
        assertThat(answers).filteredOn(a -> !a.startsWith("20"))
                .allSatisfy(a -> assertThat(a).contains("application/problem+json"));
        assertThat(answers).anySatisfy(a -> assertThat(a).startsWith("200"));
        assertThat(answers).filteredOn(a -> a.startsWith("201")).hasSizeLessThanOrEqualTo(1);
    }

    /** A raw exchange refused with {@code status} as problem+json. */
    public static void expectProblem(SoftAssertions softly, String name, RawHttp.Answer answer, int status) {
        expectProblem(softly, name, status, answer.status(), answer.contentType(), answer.body(), null, null);
    }

    /** {@code field} null: any problem of that status will do. */
    private static void expectProblem(SoftAssertions softly, String name, int expectedStatus, int status, String contentType,
                                      String body, String field, String expected) {
        softly.assertThat(status).as(name + ": status of " + body).isEqualTo(expectedStatus);
        softly.assertThat(contentType).as(name + ": content type").startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(body == null || body.isEmpty() ? "{}" : body);
        softly.assertThat(problem.<Object>get("status")).as(name + ": problem status").isEqualTo(expectedStatus);
        softly.assertThat(problem.getString("detail")).as(name + ": detail").isNotBlank();
        if (field != null) {
            List<Map<String, String>> violations = problem.getList("violations");
            softly.assertThat(violations).as(name + ": violations of " + body).anySatisfy(v -> {
                assertThat(v.get("field")).isEqualTo(field);
                assertThat(v.get("message")).contains(expected);
            });
        }
    }
}
