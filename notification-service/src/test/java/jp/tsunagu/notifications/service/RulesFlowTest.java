package jp.tsunagu.notifications.service;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseHomeVisitsEnded;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOverdue;
import jp.tsunagu.events.visits.VisitScheduled;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.notifications.NotificationFixtures.Center;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static jp.tsunagu.notifications.NotificationFixtures.ids;
import static jp.tsunagu.notifications.NotificationFixtures.notifications;
import static jp.tsunagu.notifications.NotificationFixtures.told;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules of api.md from real events on Kafka: who is told of what. The actor is not told of
 * their own act; agency contacts of the team do not sign in here and are not told.
 */
@QuarkusTest
class RulesFlowTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");

    @Inject
    VisitReminders reminders;

    @Inject
    Scheduler scheduler;

    private Center center;

    @BeforeEach
    void newCenter() {
        center = Center.create("rules");
        scheduler.pause(VisitReminders.JOB);
    }

    @AfterEach
    void resume() {
        scheduler.resume(VisitReminders.JOB);
    }

    private static List<String> awaitTold(NotificationKind kind, UUID caseId, int count) {
        Supplier<List<String>> told = () -> told(kind, caseId);
        await().atMost(Duration.ofSeconds(30)).until(() -> told.get().size() >= count);
        return told.get();
    }

    @Test
    void aPhaseChangeIsToldToTheTeamButNotToWhoChangedIt() {
        UUID caseId = center.openCase();
        EventPublisher.publish(new CasePhaseChanged(caseId, center.id(), Phase.OUTREACH, Phase.FOLLOW_UP, false, NOW,
                center.primary().subject()));
        assertThat(awaitTold(NotificationKind.PHASE_CHANGED, caseId, 2))
                .containsExactlyElementsOf(ids(center.secondary(), center.peer()));
        assertThat(notifications(center.peer(), NotificationKind.PHASE_CHANGED, caseId).get(0).facts)
                .containsEntry("toPhase", "FOLLOW_UP").containsEntry("fromPhase", "OUTREACH");
    }

    @Test
    void theEndOfHomeVisitsAndTheClosingAreToldToTheTeam() {
        UUID caseId = center.openCase();
        EventPublisher.publish(new CaseHomeVisitsEnded(caseId, center.id(), HomeVisitEndReason.values()[0],
                LocalDate.of(2026, 11, 25), NOW, center.supervisor().subject()));
        EventPublisher.publish(new CaseClosed(caseId, center.id(), NOW, center.supervisor().subject()));
        assertThat(awaitTold(NotificationKind.HOME_VISITS_ENDED, caseId, 3))
                .containsExactlyElementsOf(ids(center.primary(), center.secondary(), center.peer()));
        assertThat(awaitTold(NotificationKind.CASE_CLOSED, caseId, 3))
                .containsExactlyElementsOf(ids(center.primary(), center.secondary(), center.peer()));
    }

    @Test
    void aTeamChangeIsToldToTheTeam() {
        UUID caseId = center.openCase(); // the team is set by the supervisor: all three are told
        assertThat(awaitTold(NotificationKind.TEAM_CHANGED, caseId, 3))
                .containsExactlyElementsOf(ids(center.primary(), center.secondary(), center.peer()));
    }

    @Test
    void aReferralsStatusChangeIsToldToTheTeamAndItsOverdueToTheSupervisorsToo() {
        UUID caseId = center.openCase();
        UUID referralId = UUID.randomUUID();
        EventPublisher.publish(new ReferralStatusChanged(referralId, caseId, center.id(), "tokyo-health-center",
                AgencyKind.PUBLIC_HEALTH_CENTER, ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                "agency-tokyo-health-center", Party.AGENCY, NOW));
        EventPublisher.publish(new ReferralOverdue(UUID.randomUUID(), caseId, center.id(), "tokyo-police",
                ReferralUrgency.EMERGENCY, NOW.minusSeconds(60), NOW));
        assertThat(awaitTold(NotificationKind.REFERRAL_STATUS_CHANGED, caseId, 3))
                .containsExactlyElementsOf(ids(center.primary(), center.secondary(), center.peer()));
        assertThat(notifications(center.primary(), NotificationKind.REFERRAL_STATUS_CHANGED, caseId).get(0))
                .satisfies(n -> {
                    assertThat(n.subjectId).isEqualTo(referralId);
                    assertThat(n.facts).containsEntry("toStatus", "ACCEPTED");
                });
        assertThat(awaitTold(NotificationKind.REFERRAL_OVERDUE, caseId, 5)).containsExactlyElementsOf(ids(
                center.primary(), center.secondary(), center.peer(), center.supervisor(), center.deputy()));
    }

    @Test
    void anOverdueVisitIsThePrimarysAndAfterTwiceTheIntervalTheSupervisorsToo() {
        UUID caseId = center.openCase();
        LocalDate due = LocalDate.of(2026, 11, 20);
        EventPublisher.publish(new VisitOverdue(caseId, center.id(), due.minusDays(14), null, due, 5, 1, 1, NOW));
        assertThat(awaitTold(NotificationKind.VISIT_OVERDUE, caseId, 1)).containsExactly(center.primary().subject());
        EventPublisher.publish(new VisitOverdue(caseId, center.id(), due.minusDays(14), null, due, 19, 1, 2, NOW));
        assertThat(awaitTold(NotificationKind.VISIT_OVERDUE, caseId, 4)).containsExactlyElementsOf(ids(
                center.primary(), center.primary(), center.supervisor(), center.deputy()).stream().sorted().toList());
    }

    @Test
    void aVisitIsRemindedToItsVisitorsOnceFromTheMorningBefore() {
        UUID caseId = center.openCase();
        ZonedDateTime tomorrowTen = ZonedDateTime.parse("2026-11-26T10:00:00+09:00[Asia/Tokyo]");
        UUID visitId = UUID.randomUUID();
        EventPublisher.publish(new VisitScheduled(visitId, caseId, center.id(), VisitKind.values()[0],
                tomorrowTen.toInstant(), List.of(new Visitor(center.primary().subject(), VisitorRole.STAFF),
                new Visitor(center.peer().subject(), VisitorRole.PEER_SUPPORTER)), NOW, center.primary().subject()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jp.tsunagu.notifications.NotificationFixtures.count(
                "select count(*) from scheduled_visit where visit_id = :id", visitId) == 1);

        MovableClock clock = MovableClock.installedAt(Instant.parse("2026-11-25T07:59:00+09:00"));
        assertThat(reminders.remindDue()).as("before the morning's time").isZero();
        clock.set(Instant.parse("2026-11-25T08:00:00+09:00"));
        assertThat(reminders.remindDue()).isEqualTo(1);
        assertThat(reminders.remindDue()).as("once").isZero();
        assertThat(told(NotificationKind.VISIT_TOMORROW, caseId)).containsExactlyElementsOf(
                ids(center.primary(), center.peer()));
    }
}
