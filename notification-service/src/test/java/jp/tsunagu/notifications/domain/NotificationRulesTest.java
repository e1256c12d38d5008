package jp.tsunagu.notifications.domain;

import jp.tsunagu.events.EventData;
import jp.tsunagu.events.cases.CaseAssessmentRecorded;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseCrisisReported;
import jp.tsunagu.events.cases.CaseHomeVisitsEnded;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.CrisisOrigin;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.FamilyCapacity;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.events.cases.WithdrawalDegree;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOverdue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which event becomes which notice, for whom, with which facts: one row per rule of api.md. */
class NotificationRulesTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID REFERRAL = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(new CaseCrisisReported(CASE, "tokyo", UUID.randomUUID(), null, CrisisOrigin.CRISIS_REPORT,
                                CrisisUrgency.WATCH, Set.of(), Set.of(), AT, AT, "u1"),
                        NotificationKind.CRISIS_ALERT, Audience.TEAM_AND_SUPERVISORS, Subject.Type.CASE, "urgency", "WATCH"),
                Arguments.of(assessment(CrisisUrgency.IMMINENT),
                        NotificationKind.CRISIS_ALERT, Audience.TEAM_AND_SUPERVISORS, Subject.Type.CASE, "origin",
                        "ASSESSMENT_IMMINENT"),
                Arguments.of(new ReferralStatusChanged(REFERRAL, CASE, "tokyo", "a1", AgencyKind.POLICE,
                                ReferralStatus.REQUESTED, ReferralStatus.REJECTED, "a1-client", Party.AGENCY, AT),
                        NotificationKind.REFERRAL_STATUS_CHANGED, Audience.TEAM, Subject.Type.REFERRAL, "toStatus", "REJECTED"),
                Arguments.of(new ReferralOverdue(REFERRAL, CASE, "tokyo", "a1", ReferralUrgency.URGENT, AT, AT),
                        NotificationKind.REFERRAL_OVERDUE, Audience.TEAM_AND_SUPERVISORS, Subject.Type.REFERRAL, "urgency",
                        "URGENT"),
                Arguments.of(new VisitOverdue(CASE, "tokyo", DAY, null, DAY, 3, 2, 1, AT),
                        NotificationKind.VISIT_OVERDUE, Audience.PRIMARY, Subject.Type.CASE, "intervalsMissed", "1"),
                Arguments.of(new VisitOverdue(CASE, "tokyo", DAY, null, DAY, 30, 2, 2, AT),
                        NotificationKind.VISIT_OVERDUE, Audience.PRIMARY_AND_SUPERVISORS, Subject.Type.CASE,
                        "intervalsMissed", "2"),
                Arguments.of(new CasePhaseChanged(CASE, "tokyo", Phase.OUTREACH, Phase.ASSESSMENT, true, AT, "u1"),
                        NotificationKind.PHASE_CHANGED, Audience.TEAM, Subject.Type.CASE, "steppedBack", "true"),
                Arguments.of(new CaseTeamChanged(CASE, "tokyo", List.of(new TeamMember(TeamMemberKind.STAFF, "u2", null,
                                TeamRole.PRIMARY)), AT, "u1"),
                        NotificationKind.TEAM_CHANGED, Audience.TEAM, Subject.Type.CASE, null, null),
                Arguments.of(new CaseHomeVisitsEnded(CASE, "tokyo", HomeVisitEndReason.values()[0], DAY, AT, "u1"),
                        NotificationKind.HOME_VISITS_ENDED, Audience.TEAM, Subject.Type.CASE, "endedOn", "2026-11-25"),
                Arguments.of(new CaseClosed(CASE, "tokyo", AT, "u1"),
                        NotificationKind.CASE_CLOSED, Audience.TEAM, Subject.Type.CASE, null, null));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void eachEventBecomesItsNotice(EventData event, NotificationKind kind, Audience audience, Subject.Type subject,
                                   String fact, String value) {
        Notice notice = NotificationRules.of(event).orElseThrow();
        assertThat(notice.kind()).isEqualTo(kind);
        assertThat(notice.audience()).isEqualTo(audience);
        assertThat(notice.subject().type()).isEqualTo(subject);
        assertThat(notice.caseId()).isEqualTo(CASE);
        assertThat(notice.centerId()).isEqualTo("tokyo");
        if (fact != null) {
            assertThat(notice.facts()).containsEntry(fact, value);
        }
        assertThat(notice.facts().values()).allSatisfy(v -> assertThat(v).matches("[A-Za-z0-9_:.+\\-]*"));
    }

    @Test
    void anAssessmentThatIsNotImminentAndAnOpeningAreNotTold() {
        assertThat(NotificationRules.of(assessment(CrisisUrgency.WATCH))).isEmpty();
        assertThat(NotificationRules.of(assessment(CrisisUrgency.NONE))).isEmpty();
        assertThat(NotificationRules.of(new CaseOpened(CASE, "tokyo", "C-2026-000001", Phase.ASSESSMENT,
                CaseStatus.OPEN, IntakeChannel.PHONE, AT, "u1", null))).isEmpty();
    }

    @Test
    void theActorIsToldOfACrisisOnly() {
        assertThat(NotificationRules.of(new CaseClosed(CASE, "tokyo", AT, "u1")).orElseThrow())
                .satisfies(n -> assertThat(n.actor()).contains("u1")).satisfies(n -> assertThat(n.tellsActor()).isFalse());
        assertThat(NotificationRules.of(assessment(CrisisUrgency.IMMINENT)).orElseThrow().tellsActor()).isTrue();
    }

    @Test
    void aVisitTomorrowIsForItsVisitorsAndLinksToTheVisit() {
        UUID visit = UUID.randomUUID();
        Notice notice = NotificationRules.visitTomorrow(new ScheduledVisit(visit, CASE, "tokyo", AT,
                VisitKind.values()[0], Set.of("u1", "u2")));
        assertThat(notice.audience()).isEqualTo(Audience.NAMED);
        assertThat(notice.named()).containsExactlyInAnyOrder("u1", "u2");
        assertThat(notice.subject().path()).isEqualTo("/visits/" + visit);
    }

    private static CaseAssessmentRecorded assessment(CrisisUrgency urgency) {
        return new CaseAssessmentRecorded(CASE, "tokyo", UUID.randomUUID(), DAY, WithdrawalDegree.values()[0],
                FamilyCapacity.values()[0], urgency, Set.of(), AT, "u1");
    }
}
