package jp.tsunagu.system;

import jp.tsunagu.infra.KafkaBroker;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka broker killed (SIGKILL) and started again twice while visits, crises and referrals are
 * recorded: every request is still acknowledged (the outbox holds the events), every event owed
 * reaches Kafka, and every consumer applies it exactly once. Duplicates on the wire are allowed
 * (delivery is at least once) and counted; duplicate effects and lost events are not.
 * {@code -Dtsunagu.faults.requests} sets the load (10,000 for the full run; CI runs fewer).
 */
class BrokerKilledSystemTest {

    private static final int REQUESTS = Integer.getInteger("tsunagu.faults.requests", 1200);
    private static final int CLIENTS = 8;

    @Test
    void nothingAcknowledgedIsLostAndEveryEffectHappensOnceWhenTheBrokerDiesTwice() {
        String token = Logins.password(Workload.SUPPORTER);
        List<Workload.TestCase> cases = Workload.openCases(token, 40);
        EventLedger ledger = EventLedger.markNow();
        KafkaBroker broker = RunningSystem.get().infrastructure().kafka();

        List<Load.Call> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(Workload.mixed(i, cases, Map.of()));
        }
        List<Load.Answer> answers;
        try (Load load = new Load(CLIENTS)) {
            load.send(calls, token);
            for (double at : new double[] {0.25, 0.6}) {
                int killedAt = (int) (REQUESTS * at);
                load.awaitAnswered(n -> n >= killedAt, Duration.ofMinutes(10));
                broker.kill();
                // the broker stays down while a tenth of the load is recorded without it
                load.awaitAnswered(n -> n >= killedAt + REQUESTS / 10, Duration.ofMinutes(5));
                broker.start();
            }
            answers = load.answers();
        } finally {
            broker.start(); // whatever happened above, the broker runs for the tests after this one
        }
        try {
            verify(ledger, answers);
        } finally {
            // a token of its own: the full run outlasts the first one
            Workload.acknowledgeCrisisAlerts(Logins.password(Workload.SUPPORTER), cases);
        }
    }

    private static void verify(EventLedger ledger, List<Load.Answer> answers) {

        List<Load.Answer> refused = answers.stream().filter(a -> !a.acknowledged()).toList();
        Set<String> visits = created(answers, "visit");
        Set<String> crises = created(answers, "crisis");
        Set<String> referrals = created(answers, "referral");

        ledger.awaitPublished(Duration.ofMinutes(3));
        // each acknowledged request has its event in the outbox
        assertThat(ledger.dataIds(Service.VISIT, "visit.recorded.v1", "visitId")).containsAll(visits);
        assertThat(ledger.dataIds(Service.CASE, "case.crisis-reported.v1", "crisisId")).containsAll(crises);
        assertThat(ledger.dataIds(Service.REFERRAL, "referral.requested.v1", "referralId")).containsAll(referrals);

        Set<String> crisisEvents = ledger.eventIds(Service.CASE, "case.crisis-reported.v1");
        long expected = 0;
        long seen = 0;
        long duplicatesOnTheWire = 0;
        long lost = 0;
        long effectsMissing = 0;
        for (Map.Entry<String, List<Service>> topic : EventLedger.CONSUMERS.entrySet()) {
            Set<String> owed = ledger.owed(topic.getKey());
            Map<String, Integer> wire = EventLedger.onTheWire(topic.getKey(), owed, Duration.ofMinutes(2));
            expected += owed.size();
            seen += wire.size();
            duplicatesOnTheWire += wire.values().stream().mapToInt(n -> n - 1).sum();
            lost += owed.size() - wire.size();
            for (Service consumer : topic.getValue()) {
                effectsMissing += owed.size() - EventLedger.inInbox(consumer, owed, Duration.ofMinutes(3));
            }
        }
        // the effects a user sees: one line on the case's timeline per visit and per referral, one alert per crisis
        long duplicateEffects = duplicates(Service.CASE, "select count(*) - count(distinct ref_id) from timeline_entry"
                + " where kind = 'VISIT_RECORDED' and ref_id::text = any(string_to_array(?, ','))", visits)
                + duplicates(Service.CASE, "select count(*) - count(distinct ref_id) from timeline_entry"
                + " where kind = 'REFERRAL_REQUESTED' and ref_id::text = any(string_to_array(?, ','))", referrals)
                + duplicates(Service.NOTIFICATION, "select count(*) - count(distinct cause) from crisis_alert"
                + " where cause = any(string_to_array(?, ','))", crisisEvents);
        long alerts = ServiceDatabase.count(Service.NOTIFICATION, "select count(distinct cause) from crisis_alert"
                + " where cause = any(string_to_array(?, ','))", String.join(",", crisisEvents));
        long timelineLines = ServiceDatabase.count(Service.CASE, "select count(distinct ref_id) from timeline_entry"
                + " where kind in ('VISIT_RECORDED', 'REFERRAL_REQUESTED') and ref_id::text = any(string_to_array(?, ','))",
                String.join(",", union(visits, referrals)));

        System.out.printf("broker killed twice under load: %d requests, %d acknowledged (%d visits, %d crises,"
                        + " %d referrals), %d refused; events expected %d, events seen %d, duplicates on the wire %d,"
                        + " duplicate effects %d, effects missing %d, lost %d%n",
                REQUESTS, answers.size() - refused.size(), visits.size(), crises.size(), referrals.size(), refused.size(),
                expected, seen, duplicatesOnTheWire, duplicateEffects, effectsMissing, lost);
        assertThat(refused.stream().map(a -> a.call().kind() + " " + a.status() + " " + a.body()).distinct().limit(5))
                .as("requests refused while the broker was down").isEmpty();
        assertThat(lost).as("events lost").isZero();
        assertThat(effectsMissing).as("consumer effects missing").isZero();
        assertThat(duplicateEffects).as("duplicate effects").isZero();
        assertThat(timelineLines).as("timeline lines of the visits and referrals").isEqualTo(visits.size() + referrals.size());
        assertThat(alerts).as("crisis alerts raised").isEqualTo(crises.size());
        assertThat(expected).isGreaterThanOrEqualTo(visits.size() + crises.size() + referrals.size());
    }

    private static Set<String> created(List<Load.Answer> answers, String kind) {
        Set<String> ids = new HashSet<>();
        answers.stream().filter(a -> a.acknowledged() && a.call().kind().equals(kind))
                .forEach(a -> ids.add(Workload.createdId(a)));
        return ids;
    }

    private static long duplicates(Service service, String sql, Set<String> ids) {
        return ServiceDatabase.count(service, sql, String.join(",", ids));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
