package jp.tsunagu.system;

import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service killed (SIGKILL) under load and started again by the test: what was acknowledged
 * before the kill is there, nothing is half-written (every object has its outbox event, its audit
 * entry and, for a case, its journal on the timeline), readiness comes back by itself, and the
 * requests cut off are retried with their Idempotency-Key until answered: each takes effect once.
 * notification-service, which takes no such requests, is killed while crises are reported to
 * case-service: every crisis still raises its alert, once.
 */
class ServiceKilledSystemTest {

    private static final int REQUESTS = Integer.getInteger("tsunagu.faults.kill-requests", 240);
    private static final int CLIENTS = 8;

    @Test
    void caseServiceKilled() {
        String token = Logins.password(Workload.SUPPORTER);
        Outcome outcome = killUnderLoad(Service.CASE, token, i -> Workload.openCase(Workload.idempotencyKey()));
        Set<String> cases = outcome.created();
        assertThat(count(Service.CASE, "select count(*) from support_case where id::text = any(string_to_array(?, ','))", cases))
                .isEqualTo(REQUESTS);
        assertWhole(Service.CASE, cases, "case.opened.v1", "caseId", "case", "case.open");
        assertThat(count(Service.CASE, "select count(distinct case_id) from timeline_entry where kind = 'CASE_OPENED'"
                + " and case_id::text = any(string_to_array(?, ','))", cases)).as("cases with their journal").isEqualTo(REQUESTS);
    }

    @Test
    void visitServiceKilled() {
        String token = Logins.password(Workload.SUPPORTER);
        List<Workload.TestCase> testCases = Workload.openCases(token, 10);
        Outcome outcome = killUnderLoad(Service.VISIT, token,
                i -> Workload.visit(testCases.get(i % testCases.size()).caseId(), i, Workload.idempotencyKey()));
        assertThat(count(Service.VISIT, "select count(*) from visit where case_id::text = any(string_to_array(?, ','))",
                caseIds(testCases))).as("visits of the test's cases: one per request").isEqualTo(REQUESTS);
        assertWhole(Service.VISIT, outcome.created(), "visit.recorded.v1", "visitId", "visit", "visit.record");
    }

    @Test
    void referralServiceKilled() {
        String token = Logins.password(Workload.SUPPORTER);
        List<Workload.TestCase> testCases = Workload.openCases(token, 10);
        Outcome outcome = killUnderLoad(Service.REFERRAL, token,
                i -> Workload.referral(testCases.get(i % testCases.size()), Workload.idempotencyKey()));
        assertThat(count(Service.REFERRAL, "select count(*) from referral where case_id::text = any(string_to_array(?, ','))",
                caseIds(testCases))).as("referrals of the test's cases: one per request").isEqualTo(REQUESTS);
        assertWhole(Service.REFERRAL, outcome.created(), "referral.requested.v1", "referralId", "referral", "referral.create");
    }

    @Test
    void notificationServiceKilledWhileCrisesAreReported() {
        String token = Logins.password(Workload.SUPPORTER);
        List<Workload.TestCase> testCases = Workload.openCases(token, 10);
        EventLedger ledger = EventLedger.markNow();
        int crises = REQUESTS / 4;
        List<Load.Call> calls = new ArrayList<>();
        for (int i = 0; i < crises; i++) {
            calls.add(Workload.crisis(testCases.get(i % testCases.size()).caseId(), Workload.idempotencyKey()));
        }
        long restartedIn;
        List<Load.Answer> answers;
        try (Load load = new Load(2)) {
            load.send(calls, token);
            load.awaitAnswered(n -> n >= crises / 3, Duration.ofMinutes(5));
            RunningSystem.get().kill(Service.NOTIFICATION);
            long killed = System.nanoTime();
            RunningSystem.get().restart(Service.NOTIFICATION);
            restartedIn = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            answers = load.answers();
        }
        try {
            Set<String> events = ledger.eventIds(Service.CASE, "case.crisis-reported.v1");
            ledger.awaitPublished(Duration.ofMinutes(2));
            long consumed = EventLedger.inInbox(Service.NOTIFICATION, events, Duration.ofMinutes(2));
            long alerts = count(Service.NOTIFICATION, "select count(*) from crisis_alert where cause = any(string_to_array(?, ','))",
                    events);
            System.out.printf("notification-service killed while %d crises were reported: %d acknowledged, ready again in"
                            + " %d ms; crisis events %d, consumed %d, alerts %d (one each)%n",
                    crises, answers.stream().filter(Load.Answer::acknowledged).count(), restartedIn, events.size(), consumed, alerts);
            assertThat(answers).allMatch(Load.Answer::acknowledged);
            assertThat(events).hasSize(crises);
            assertThat(consumed).isEqualTo(crises);
            assertThat(alerts).isEqualTo(crises);
        } finally {
            Workload.acknowledgeCrisisAlerts(Logins.password(Workload.SUPPORTER), testCases);
        }
    }

    /** What the load created, each id once, after the kill, the restart and the retries. */
    private record Outcome(Set<String> created) {
    }

    private static Outcome killUnderLoad(Service service, String token, IntFunction<Load.Call> call) {
        List<Load.Call> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(call.apply(i));
        }
        try (Load load = new Load(CLIENTS)) {
            load.send(calls, token);
            load.awaitAnswered(n -> n >= REQUESTS / 3, Duration.ofMinutes(5));
            RunningSystem.get().kill(service);
            long killed = System.nanoTime();
            List<Load.Answer> answers = load.answers(); // the rest fail: nobody listens
            RunningSystem.get().restart(service);
            long readyIn = Duration.ofNanos(System.nanoTime() - killed).toMillis();

            List<Load.Answer> acknowledgedFirst = answers.stream().filter(Load.Answer::acknowledged).toList();
            List<Load.Answer> unanswered = answers.stream().filter(a -> !a.acknowledged()).toList();
            assertThat(unanswered).as("what was not acknowledged got no answer at all (the kill), or a 5xx problem")
                    .allMatch(a -> a.status() == -1 || a.status() >= 500 && a.contentType().startsWith("application/problem+json"));
            List<Load.Answer> retried = unanswered.stream()
                    .map(a -> Retries.untilFinal(load, a.call(), token, Duration.ofMinutes(1))).toList();
            long answerLost = retried.stream().filter(a -> a.status() == 409).count();
            long replayed = retried.stream().filter(a -> a.headers().containsKey("idempotent-replayed")).count();

            Set<String> created = new HashSet<>();
            List<String> ids = new ArrayList<>();
            for (Load.Answer answer : acknowledgedFirst) {
                ids.add(Workload.createdId(answer));
            }
            for (Load.Answer answer : retried) {
                ids.add(Retries.createdId(answer));
            }
            created.addAll(ids);
            System.out.printf("%s killed under load: %d requests, %d acknowledged before the kill, %d cut off;"
                            + " ready again %d ms after the kill; retries with the same key: %d created now, %d replayed,"
                            + " %d answered 409 with the Location of what the cut-off request had done; %d objects, %d duplicates%n",
                    service.module(), REQUESTS, acknowledgedFirst.size(), unanswered.size(), readyIn,
                    retried.size() - replayed - answerLost, replayed, answerLost, created.size(), ids.size() - created.size());
            assertThat(ids).as("one object per request").hasSize(REQUESTS).doesNotHaveDuplicates();
            return new Outcome(created);
        }
    }

    /** Every object has its event in the outbox and its audit entry: nothing half-written. */
    private static void assertWhole(Service service, Set<String> ids, String eventType, String field, String objectType,
                                    String action) {
        String list = String.join(",", ids);
        long withEvent = count(service, "select count(distinct payload->>?) from outbox_event where event_type = ?"
                + " and payload->>? = any(string_to_array(?, ','))", field, eventType, field, list);
        long audited = count(service, "select count(distinct object_id) from audit_entry where object_type = ? and action = ?"
                + " and outcome = 'SUCCESS' and object_id = any(string_to_array(?, ','))", objectType, action, list);
        System.out.printf("%s: %d objects, %d with their event in the outbox, %d with their audit entry%n",
                service.module(), ids.size(), withEvent, audited);
        assertThat(withEvent).as("objects with their outbox event").isEqualTo(ids.size());
        assertThat(audited).as("objects with their audit entry").isEqualTo(ids.size());
    }

    private static long count(Service service, String sql, Object... parameters) {
        Object[] bound = parameters.clone();
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] instanceof Set<?> set) {
                bound[i] = String.join(",", set.stream().map(String::valueOf).toList());
            }
        }
        return ServiceDatabase.count(service, sql, bound);
    }

    private static Set<String> caseIds(List<Workload.TestCase> cases) {
        Set<String> ids = new HashSet<>();
        cases.forEach(c -> ids.add(c.caseId()));
        return ids;
    }
}
