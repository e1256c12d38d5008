package jp.tsunagu.notifications.service;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.events.cases.CaseAssessmentRecorded;
import jp.tsunagu.events.cases.CaseCrisisReported;
import jp.tsunagu.events.cases.CrisisAction;
import jp.tsunagu.events.cases.CrisisFactor;
import jp.tsunagu.events.cases.CrisisOrigin;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.FamilyCapacity;
import jp.tsunagu.events.cases.WithdrawalDegree;
import jp.tsunagu.notifications.NotificationFixtures;
import jp.tsunagu.notifications.NotificationFixtures.Center;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static jp.tsunagu.notifications.NotificationFixtures.as;
import static jp.tsunagu.notifications.NotificationFixtures.ids;
import static jp.tsunagu.notifications.NotificationFixtures.notifications;
import static jp.tsunagu.notifications.NotificationFixtures.told;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Crisis alerts from real case-events: told at once to the team and the center's supervisors,
 * escalated to the supervisors 15 minutes later and every 15 minutes until one acknowledgement
 * stops it for all; a step made once however many replicas look. Time is a movable clock.
 */
@QuarkusTest
class CrisisAlertTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

    @Inject
    CrisisAlerts alerts;

    @Inject
    Scheduler scheduler;

    private MovableClock clock;
    private Center center;

    @BeforeEach
    void pauseTheWatch() {
        scheduler.pause(CrisisAlerts.JOB);
        clock = MovableClock.installedAt(T0);
        center = Center.create("crisis");
        // the alerts earlier tests left open are closed, so that what the watch does here is this test's
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery(
                        "update crisis_alert set acknowledged_at = raised_at, next_escalation_at = null"
                                + " where acknowledged_at is null").executeUpdate());
    }

    @AfterEach
    void resumeTheWatch() {
        scheduler.resume(CrisisAlerts.JOB);
    }

    private UUID reportCrisis(UUID caseId, TestTokens.Builder by) {
        return EventPublisher.publish(new CaseCrisisReported(caseId, center.id(), UUID.randomUUID(), null,
                CrisisOrigin.CRISIS_REPORT, CrisisUrgency.WATCH, Set.of(CrisisFactor.SELF_HARM), Set.of(CrisisAction.OTHER), T0, T0,
                by.subject()));
    }

    private void awaitAlertTold(UUID caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> told(NotificationKind.CRISIS_ALERT, caseId).size() == 5);
    }

    @Test
    void aCrisisIsToldAtOnceToTheTeamAndTheSupervisorsTheReporterIncluded() {
        UUID caseId = center.openCase();
        reportCrisis(caseId, center.primary());
        awaitAlertTold(caseId);
        assertThat(told(NotificationKind.CRISIS_ALERT, caseId)).containsExactlyElementsOf(ids(center.primary(),
                center.secondary(), center.peer(), center.supervisor(), center.deputy()));
        // one alert, shared by all its notifications
        Set<UUID> alertIds = new java.util.HashSet<>();
        Stream.concat(center.team().stream(), center.supervisors().stream())
                .forEach(u -> alertIds.add(notifications(u, NotificationKind.CRISIS_ALERT, caseId).get(0).alertId));
        assertThat(alertIds).hasSize(1).doesNotContainNull();
        Notification mine = notifications(center.supervisor(), NotificationKind.CRISIS_ALERT, caseId).get(0);
        as(center.supervisor()).when().get("/api/v1/notifications/" + mine.id).then().statusCode(200)
                .body("kind", equalTo("CRISIS_ALERT")).body("facts.urgency", equalTo("WATCH"))
                .body("facts", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("kinds")))
                .body("alert.history", hasSize(1)).body("alert.history[0].what", equalTo("RAISED"))
                .body("alert.history[0].recipients", equalTo(5)).body("alert.acknowledgedAt", nullValue());
    }

    @Test
    void unacknowledgedItEscalatesToTheSupervorsEveryFifteenMinutesUntilOneAcknowledgementStopsItForAll() {
        UUID caseId = center.openCase();
        reportCrisis(caseId, center.primary());
        awaitAlertTold(caseId);

        clock.set(T0.plus(Duration.ofMinutes(14)));
        assertThat(alerts.escalateDue()).isZero();
        clock.set(T0.plus(Duration.ofMinutes(15)));
        assertThat(alerts.escalateDue()).isEqualTo(1);
        assertThat(told(NotificationKind.CRISIS_ESCALATED, caseId)).containsExactlyElementsOf(
                ids(center.supervisor(), center.deputy()));
        clock.set(T0.plus(Duration.ofMinutes(30)));
        assertThat(alerts.escalateDue()).isEqualTo(1);
        assertThat(notifications(center.deputy(), NotificationKind.CRISIS_ESCALATED, caseId))
                .extracting(n -> n.facts.get("escalation")).containsExactly("1", "2");

        // the peer acknowledges from their own notification: it stops for everyone
        Notification peers = notifications(center.peer(), NotificationKind.CRISIS_ALERT, caseId).get(0);
        as(center.peer()).when().post("/api/v1/notifications/" + peers.id + "/acknowledgement").then().statusCode(200)
                .body("alert.acknowledgedBy", equalTo(center.peer().subject())).body("alert.acknowledgedAt", notNullValue())
                .body("readAt", notNullValue()).body("alert.escalations", equalTo(2))
                .body("alert.history.what", equalTo(List.of("RAISED", "ESCALATED", "ESCALATED", "ACKNOWLEDGED")));
        clock.set(T0.plus(Duration.ofHours(3)));
        assertThat(alerts.escalateDue()).isZero();

        // a later acknowledgement changes nothing
        Notification supervisors = notifications(center.supervisor(), NotificationKind.CRISIS_ALERT, caseId).get(0);
        as(center.supervisor()).when().post("/api/v1/notifications/" + supervisors.id + "/acknowledgement").then()
                .statusCode(200).body("alert.acknowledgedBy", equalTo(center.peer().subject()))
                .body("alert.history", hasSize(4));
        // an escalation notification acknowledges the same alert
        Notification escalation = notifications(center.deputy(), NotificationKind.CRISIS_ESCALATED, caseId).get(0);
        as(center.deputy()).when().post("/api/v1/notifications/" + escalation.id + "/acknowledgement").then()
                .statusCode(200).body("alert.id", equalTo(peers.alertId.toString()));
    }

    @Test
    void twoReplicasLookingAtOnceMakeEachStepOnce() throws Exception {
        UUID caseId = center.openCase();
        reportCrisis(caseId, center.primary());
        awaitAlertTold(caseId);
        for (int step = 1; step <= 2; step++) {
            clock.set(T0.plus(Duration.ofMinutes(15L * step)));
            assertThat(escalateFromTwoReplicas()).isEqualTo(1);
        }
        assertThat(told(NotificationKind.CRISIS_ESCALATED, caseId)).containsExactlyElementsOf(
                ids(center.deputy(), center.deputy(), center.supervisor(), center.supervisor()).stream().sorted().toList());
    }

    /** The watch of two replicas, started at the same moment; answers the steps both made together. */
    private int escalateFromTwoReplicas() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> looks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                looks.add(replicas.submit(() -> {
                    start.await();
                    return alerts.escalateDue();
                }));
            }
            start.countDown();
            int made = 0;
            for (Future<Integer> look : looks) {
                made += look.get();
            }
            return made;
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void aRedeliveredCrisisEventRaisesOneAlert() {
        UUID caseId = center.openCase();
        UUID eventId = UUID.randomUUID();
        CaseCrisisReported crisis = new CaseCrisisReported(caseId, center.id(), UUID.randomUUID(), null,
                CrisisOrigin.CRISIS_REPORT, CrisisUrgency.IMMINENT, Set.of(), Set.of(), T0, T0, center.secondary().subject());
        EventPublisher.publish(eventId, crisis);
        EventPublisher.publish(eventId, crisis);
        awaitAlertTold(caseId);
        // a later event of the same case proves both copies were read before it
        UUID later = reportCrisis(caseId, center.primary());
        await().atMost(Duration.ofSeconds(30)).until(() -> told(NotificationKind.CRISIS_ALERT, caseId).size() == 10);
        assertThat(later).isNotEqualTo(eventId);
        assertThat(notifications(center.deputy(), NotificationKind.CRISIS_ALERT, caseId)).hasSize(2)
                .extracting(n -> n.alertId).doesNotHaveDuplicates();
    }

    @Test
    void anAssessmentWithImminentUrgencyIsAnAlertAndOneToWatchIsNot() {
        UUID caseId = center.openCase();
        EventPublisher.publish(assessment(caseId, CrisisUrgency.WATCH));
        EventPublisher.publish(assessment(caseId, CrisisUrgency.IMMINENT));
        awaitAlertTold(caseId);
        assertThat(notifications(center.supervisor(), NotificationKind.CRISIS_ALERT, caseId)).singleElement()
                .satisfies(n -> assertThat(n.facts).containsEntry("origin", "ASSESSMENT_IMMINENT"));
    }

    private CaseAssessmentRecorded assessment(UUID caseId, CrisisUrgency urgency) {
        return new CaseAssessmentRecorded(caseId, center.id(), UUID.randomUUID(), LocalDate.of(2026, 11, 25),
                WithdrawalDegree.values()[0], FamilyCapacity.values()[0], urgency, Set.of(), T0, center.primary().subject());
    }

    @Test
    void onlyACrisisAlertIsAcknowledgedAndOnlyByItsRecipient() {
        UUID caseId = center.openCase();
        reportCrisis(caseId, center.primary());
        awaitAlertTold(caseId);
        Notification supervisors = notifications(center.supervisor(), NotificationKind.CRISIS_ALERT, caseId).get(0);
        // someone else's notification does not exist for the caller
        as(center.deputy()).when().post("/api/v1/notifications/" + supervisors.id + "/acknowledgement").then()
                .statusCode(404);
        as(center.deputy()).when().get("/api/v1/notifications/" + supervisors.id).then().statusCode(404);
        assertThat(NotificationFixtures.count(
                "select count(*) from crisis_alert where id = :id and acknowledged_at is null", supervisors.alertId))
                .isEqualTo(1);
    }
}
