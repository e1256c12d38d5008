package jp.tsunagu.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class IdempotencyTest {

    private static final String SUPPORTER = TestTokens.supporter("tokyo");

    @Inject
    EntityManager em;

    private static Response post(String token, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/test/probes");
    }

    private long probesNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em
                .createQuery("select count(p) from Probe p where p.name = :n").setParameter("n", name).getSingleResult());
    }

    private long keysStored(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from idempotency_key where idempotency_key = :k")
                .setParameter("k", key).getSingleResult()).longValue());
    }

    private void sql(String statement, String parameter) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter("p", parameter).executeUpdate());
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String name = "retry-" + key.substring(0, 8);
        Map<String, Object> body = Map.of("id", UUID.randomUUID().toString(), "name", name, "channel", "PHONE");

        Response first = post(SUPPORTER, key, body);
        Response again = post(SUPPORTER, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(probesNamed(name)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(SUPPORTER, key, Map.of("id", UUID.randomUUID().toString(), "name", "one", "channel", "PHONE"))
                .then().statusCode(201);
        post(SUPPORTER, key, Map.of("id", UUID.randomUUID().toString(), "name", "two", "channel", "PHONE"))
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String name = "per-caller-" + key.substring(0, 8);
        Map<String, Object> body = Map.of("id", UUID.randomUUID().toString(), "name", name, "channel", "PHONE");
        post(SUPPORTER, key, body).then().statusCode(201);
        String other = TestTokens.user("someone-else").roles("supporter").center("tokyo").token();
        // another caller's identical key is not a replay: it tries to create, and collides on the id
        post(other, key, body).then().statusCode(409).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aFailedRequestDoesNotHoldItsKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> failing = Map.of("id", UUID.randomUUID().toString(), "name", "fails", "channel", "PHONE",
                "failAfterEvent", true);
        post(SUPPORTER, key, failing).then().statusCode(500);
        post(SUPPORTER, key, failing).then().statusCode(500).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aCommitThatFailsLeavesNoSealedKeyAndTheRetryCreatesOnce() {
        String key = UUID.randomUUID().toString();
        String name = "commit-fails-" + key.substring(0, 8);
        Map<String, Object> body = Map.of("id", UUID.randomUUID().toString(), "name", name, "channel", "PHONE");
        sql("insert into probe_commit_failure (name) values (:p)", name);

        post(SUPPORTER, key, body).then().statusCode(500);
        assertThat(probesNamed(name)).isZero();
        assertThat(keysStored(key)).as("a key whose act did not commit is released").isZero();

        sql("delete from probe_commit_failure where name = :p", name);
        Response retry = post(SUPPORTER, key, body);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        Response again = post(SUPPORTER, key, body);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(probesNamed(name)).isEqualTo(1);
    }

    @Test
    void anActWhoseAnswerWasLostIsNotDoneAgain() {
        String key = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String name = "answer-lost-" + key.substring(0, 8);
        Map<String, Object> body = Map.of("id", id, "name", name, "channel", "PHONE", "failAfterCommit", true);

        post(SUPPORTER, key, body).then().statusCode(500);
        post(SUPPORTER, key, body).then().statusCode(409).contentType("application/problem+json")
                .header("Location", org.hamcrest.Matchers.endsWith("/test/probes/" + id));
        assertThat(probesNamed(name)).isEqualTo(1);
    }

    @Test
    void aSealedKeyWhoseAnswerACrashLostIsNotDoneAgain() {
        String key = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String name = "crashed-" + key.substring(0, 8);
        Map<String, Object> body = Map.of("id", id, "name", name, "channel", "PHONE");
        post(SUPPORTER, key, body).then().statusCode(201);
        // as if the process died between the commit of the act and keeping its answer
        sql("update idempotency_key set completed_at = null, status = null, body = null where idempotency_key = :p", key);

        post(SUPPORTER, key, body).then().statusCode(409).contentType("application/problem+json")
                .header("Location", org.hamcrest.Matchers.endsWith("/test/probes/" + id));
        assertThat(probesNamed(name)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesCreateOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "burst-" + key.substring(0, 8);
        Map<String, Object> body = Map.of("id", UUID.randomUUID().toString(), "name", name, "channel", "PHONE");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(SUPPORTER, key, body));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            assertThat(responses).extracting(Response::statusCode).containsOnly(201);
            assertThat(responses).extracting(r -> r.jsonPath().getString("id")).containsOnly(body.get("id").toString());
            assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(probesNamed(name)).isEqualTo(1);
    }

    @Test
    void aKeyMustBePlainAscii() {
        post(SUPPORTER, "two words", Map.of("id", UUID.randomUUID().toString(), "name", "k", "channel", "PHONE"))
                .then().statusCode(400).contentType("application/problem+json");
        post(SUPPORTER, "k".repeat(256), Map.of("id", UUID.randomUUID().toString(), "name", "k", "channel", "PHONE"))
                .then().statusCode(400).contentType("application/problem+json");
    }
}
