package jp.tsunagu.referrals.api.watch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.testkit.SqlRows;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.InboundDetails;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.service.ReferralOverdueWatch;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.WatchFixtures.agency;
import static jp.tsunagu.referrals.WatchFixtures.answerByPhone;
import static jp.tsunagu.referrals.WatchFixtures.caseIn;
import static jp.tsunagu.referrals.WatchFixtures.newCenter;
import static jp.tsunagu.referrals.WatchFixtures.refer;
import static jp.tsunagu.referrals.WatchFixtures.supervisorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A referral nobody answered by its respond-by time is overdue: told once as referral.overdue.v1,
 * even with two replicas watching, and listed with overdue=true. Time is moved on the application's
 * clock, never slept. The scheduled watch is paused meanwhile, so the test's own calls are the only
 * ones; each test first lets the watch take whatever else is due just before its moment, so that
 * what a call answers is its own referral's notice alone.
 */
@QuarkusTest
class ReferralOverdueWatchTest {

    private static final String OVERDUE = "referral.overdue.v1";

    @Inject
    ReferralOverdueWatch watch;
    @Inject
    Scheduler scheduler;
    @Inject
    DataSource database;
    @Inject
    EntityManager em;

    private String center;
    private TestTokens.Builder supervisor;
    private UUID caseId;
    private String agencyId;
    /** An odd respond-by time, a few hours ahead: no other test's referral falls due within a minute of it. */
    private Instant due;

    @BeforeEach
    void aCenterOfItsOwnAndTheScheduledWatchPaused() {
        scheduler.pause(ReferralOverdueWatch.JOB);
        center = newCenter("watch");
        supervisor = supervisorOf(center);
        caseId = caseIn(database, center, supervisor);
        agencyId = agency("PUBLIC_HEALTH_CENTER");
        due = Instant.now().plus(Duration.ofHours(3).plusMinutes(17)).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void resumeTheScheduledWatch() {
        scheduler.resume(ReferralOverdueWatch.JOB);
    }

    @Test
    void aReferralPastItsRespondByIsToldOnceAndListedAsOverdue() {
        String referral = refer(supervisor, caseId, agencyId, "BACKUP", due);
        MovableClock clock = MovableClock.installedAt(due.minus(Duration.ofMinutes(1)));
        watch.check(); // whatever else is due by now
        assertThat(watch.check()).as("nothing is due a minute before its respond-by").isZero();
        as(supervisor).get("/api/v1/referrals/" + referral).then().statusCode(200).body("overdue", equalTo(false));

        clock.set(due.plus(Duration.ofMinutes(1)));
        assertThat(watch.check()).as("its notice, emitted by this call").isEqualTo(1);
        assertThat(watch.check()).as("a second look emits nothing").isZero();

        assertThat(notices(referral)).isEqualTo(1);
        assertThat(outboxEvents(referral)).as("one event in the outbox").isEqualTo(1);
        List<EventReader.Record> told = overdueEventsOf(referral, 1);
        assertThat(told).hasSize(1);
        EventReader.Record event = told.get(0);
        assertThat(event.key()).isEqualTo(caseId.toString());
        assertThat(event.header("ce_subject")).isEqualTo(caseId.toString());
        assertThat(event.value()).containsPattern(field("caseId", caseId.toString()))
                .containsPattern(field("agencyId", agencyId)).containsPattern(field("centerId", center))
                .containsPattern(field("urgency", "ROUTINE")).doesNotContain("30代男性").doesNotContain("自傷");

        as(supervisor).queryParam("overdue", true).when().get("/api/v1/referrals").then().statusCode(200)
                .body("items.id", hasItem(referral))
                .body("items.find { it.id == '" + referral + "' }.overdue", equalTo(true));
        as(supervisor).get("/api/v1/referrals/" + referral).then().statusCode(200).body("overdue", equalTo(true));
    }

    @Test
    void twoReplicasLookingAtOnceTellItOnce() throws Exception {
        String referral = refer(supervisor, caseId, agencyId, "CONSULTATION", due);
        MovableClock clock = MovableClock.installedAt(due.minus(Duration.ofMinutes(1)));
        watch.check();
        clock.set(due.plus(Duration.ofMinutes(1)));

        // two replicas run the watch at the same moment against the same database
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> replica = () -> {
            together.await();
            return watch.check();
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        int emitted = 0;
        try {
            for (Future<Integer> run : replicas.invokeAll(List.of(replica, replica))) {
                emitted += run.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(emitted).as("emitted by the two replicas together").isEqualTo(1);
        assertThat(notices(referral)).isEqualTo(1);
        assertThat(outboxEvents(referral)).isEqualTo(1);
        assertThat(overdueEventsOf(referral, 1)).hasSize(1);
    }

    @Test
    void anAnsweredReferralOneNotYetDueAndAnInboundOneWithoutACaseAreNotTold() {
        String accepted = refer(supervisor, caseId, agencyId, "BACKUP", due);
        answerByPhone(supervisor, accepted, "ACCEPTED", null, null);
        String notYetDue = refer(supervisor, caseId, agencyId, "BACKUP", due.plus(Duration.ofHours(2)));
        UUID inbound = inboundWithoutCase(due.minus(Duration.ofHours(2)));
        MovableClock clock = MovableClock.installedAt(due.minus(Duration.ofMinutes(1)));
        watch.check();
        clock.set(due.plus(Duration.ofMinutes(1)));
        watch.check();

        for (String quiet : List.of(accepted, notYetDue, inbound.toString())) {
            assertThat(notices(quiet)).as("notices of %s", quiet).isZero();
            assertThat(outboxEvents(quiet)).as("overdue events of %s", quiet).isZero();
        }
        as(supervisor).get("/api/v1/referrals/" + accepted).then().statusCode(200).body("overdue", equalTo(false));
        as(supervisor).get("/api/v1/referrals/" + notYetDue).then().statusCode(200).body("overdue", equalTo(false));
        // the center sees the inbound one overdue in its own list, though no case team can be told of it
        as(supervisor).queryParam("overdue", true).when().get("/api/v1/referrals").then().statusCode(200)
                .body("items.id", not(hasItem(accepted))).body("items.id", not(hasItem(notYetDue)))
                .body("items.id", hasItem(inbound.toString()));
    }

    /** An inbound referral from the agency to the center, received at {@code at} as an emergency (due an hour later), no case yet. */
    private UUID inboundWithoutCase(Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Referral referral = Referral.inbound(center, em.find(Agency.class, agencyId), Set.of(ReferralReason.SELF_HARM_RISK),
                    ReferralUrgency.EMERGENCY, "母親から相談。本人は自室から出ない。",
                    new InboundDetails(new InboundDetails.ContactPerson("相談者", "MOTHER", "090-0000-0000"),
                            "食事をとっていない", true, false), "service-account-agency-" + agencyId, at);
            em.persist(referral);
            return referral.id;
        });
    }

    private int notices(String referralId) {
        return Integer.parseInt(SqlRows.column(database, "select count(*) from referral_overdue_notice where referral_id = ?",
                UUID.fromString(referralId)).get(0));
    }

    private int outboxEvents(String referralId) {
        return Integer.parseInt(SqlRows.column(database,
                "select count(*) from outbox_event where event_type = ? and payload ->> 'referralId' = ?", OVERDUE,
                referralId).get(0));
    }

    private static List<EventReader.Record> overdueEventsOf(String referralId, int atLeast) {
        return EventReader.read("referral-events", all -> all.stream().filter(r -> isOverdueOf(r, referralId)).count() >= atLeast,
                Duration.ofSeconds(30)).stream().filter(r -> isOverdueOf(r, referralId)).toList();
    }

    private static boolean isOverdueOf(EventReader.Record record, String referralId) {
        return OVERDUE.equals(record.header("ce_type")) && Pattern.compile(field("referralId", referralId)).matcher(record.value()).find();
    }

    /** A string field of the event's JSON, however it is spaced. */
    private static String field(String name, String value) {
        return "\"" + name + "\":\\s*\"" + Pattern.quote(value) + "\"";
    }
}
