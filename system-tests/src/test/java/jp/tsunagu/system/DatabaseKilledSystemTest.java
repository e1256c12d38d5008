package jp.tsunagu.system;

import jp.tsunagu.infra.PostgresServer;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL killed (SIGKILL to the postmaster and every backend, as a power cut) under load and
 * started again after at least 70 s: every acknowledged write survives (synchronous_commit), every service's
 * readiness goes down and comes back by itself, the requests meanwhile are refused with 503
 * problem+json (never a 500, never a hang), and their retries with the same Idempotency-Key
 * take effect once.
 */
class DatabaseKilledSystemTest {

    private static final int REQUESTS = Integer.getInteger("tsunagu.faults.kill-requests", 240);
    private static final int CLIENTS = 8;
    /** How long PostgreSQL stays down at least. */
    private static final Duration OUTAGE = Duration.ofSeconds(70);

    @Test
    void acknowledgedWritesSurviveAndTheRestIsRefusedWith503ThenRetriedOnce() throws InterruptedException {
        String token = Logins.password(Workload.SUPPORTER);
        List<Workload.TestCase> cases = Workload.openCases(token, 10);
        PostgresServer postgres = RunningSystem.get().infrastructure().postgres();
        List<Load.Call> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(Workload.mixed(i, cases, Workload.idempotencyKey()));
        }
        List<Load.Answer> answers;
        Set<Service> seenNotReady = new HashSet<>();
        long downFor;
        try (Load load = new Load(CLIENTS)) {
            load.send(calls, token);
            load.awaitAnswered(n -> n >= REQUESTS / 3, Duration.ofMinutes(5));
            postgres.kill();
            long killed = System.nanoTime();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (Service service : Service.values()) {
                        if (!RunningSystem.get().isReady(service)) {
                            seenNotReady.add(service);
                        }
                    }
                    return seenNotReady.size() == Service.values().length;
                });
                // requests keep coming while it is down: a fifth of the load more
                load.awaitAnswered(n -> n >= REQUESTS / 3 + REQUESTS / 5, Duration.ofMinutes(3));
                // and it stays down longer than the minute after which a Kafka connector gives up on a
                // record its consumer holds (the inbox holds one as long as the database is away)
                long outageLeft = OUTAGE.toNanos() - (System.nanoTime() - killed);
                if (outageLeft > 0) {
                    Thread.sleep(Duration.ofNanos(outageLeft)); // the length of the fault itself, not a wait for a result
                }
            } finally {
                postgres.restart();
                downFor = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            }
            answers = load.answers();

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Arrays.stream(Service.values()).allMatch(RunningSystem.get()::isReady));

            String retryToken = Logins.password(Workload.SUPPORTER); // the first may have expired by now
            List<Load.Answer> acknowledged = answers.stream().filter(Load.Answer::acknowledged).toList();
            List<Load.Answer> refused = answers.stream().filter(a -> !a.acknowledged()).toList();
            Map<String, Long> refusals = refused.stream().collect(Collectors.groupingBy(
                    a -> a.status() + " " + a.contentType().split(";")[0], TreeMap::new, Collectors.counting()));
            List<Load.Answer> retried = refused.stream()
                    .map(a -> Retries.untilFinal(load, a.call(), retryToken, Duration.ofMinutes(1))).toList();

            long survived = 0;
            for (Load.Answer answer : acknowledged) {
                survived += exists(answer, Workload.createdId(answer)) ? 1 : 0;
            }
            Set<String> retriedIds = new HashSet<>();
            for (Load.Answer answer : retried) {
                retriedIds.add(Retries.createdId(answer));
            }
            long visits = ServiceDatabase.count(Service.VISIT, "select count(*) from visit where case_id::text"
                    + " = any(string_to_array(?, ','))", String.join(",", cases.stream().map(Workload.TestCase::caseId).toList()));
            long visitRequests = calls.stream().filter(c -> c.kind().equals("visit")).count();
            System.out.printf("PostgreSQL killed under load for %d ms: %d requests, %d acknowledged (%d of them there after"
                            + " the restart), refused meanwhile %s, readiness down at %s and back at all; retries with the"
                            + " same key: %d, each answered once; visits of the test's cases %d for %d requests%n",
                    downFor, REQUESTS, acknowledged.size(), survived, refusals, seenNotReady, retried.size(),
                    visits, visitRequests);
            assertThat(survived).as("acknowledged writes there after the restart").isEqualTo(acknowledged.size());
            assertThat(refused.stream().filter(a -> !(a.status() == 503 && a.contentType().startsWith("application/problem+json")))
                    .map(a -> a.call().kind() + " " + a.status() + " " + a.body()).limit(5).toList())
                    .as("what a request got while the database was down, other than 503 problem+json").isEmpty();
            assertThat(refused).as("some requests met the outage").isNotEmpty();
            assertThat(retriedIds).as("each retried request took effect once").hasSize(refused.size());
            assertThat(visits).as("one visit per visit request").isEqualTo(visitRequests);
        } finally {
            Workload.acknowledgeCrisisAlerts(Logins.password(Workload.SUPPORTER), cases);
        }
    }

    private static boolean exists(Load.Answer answer, String id) {
        String table = switch (answer.call().kind()) {
            case "visit" -> "visit";
            case "crisis" -> "crisis";
            case "referral" -> "referral";
            default -> throw new IllegalArgumentException(answer.call().kind());
        };
        return ServiceDatabase.count(answer.call().service(), "select count(*) from " + table + " where id::text = ?", id) == 1;
    }
}
