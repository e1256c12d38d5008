package jp.tsunagu.notifications.domain;

import jp.tsunagu.events.EventData;
import jp.tsunagu.events.cases.CaseAssessmentRecorded;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseCrisisReported;
import jp.tsunagu.events.cases.CaseHomeVisitsEnded;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.events.visits.VisitOverdue;

import java.util.Map;
import java.util.Optional;

/**
 * Which event becomes which notice, for whom (api.md, notification-service): one small rule per
 * kind of event. Facts are what the event carries of enums, ids and dates; events carry no names,
 * notes or assessment content, and neither does a notice.
 */
public final class NotificationRules {

    /** Missed intervals from which an overdue visit is the supervisors' concern too. */
    static final int SUPERVISORS_FROM_INTERVALS_MISSED = 2;

    private NotificationRules() {
    }

    /** The notice an event makes, if any. */
    public static Optional<Notice> of(EventData event) {
        return Optional.ofNullable(switch (event) {
            case CaseCrisisReported crisis -> crisisReported(crisis);
            case CaseAssessmentRecorded assessment -> imminentAssessment(assessment);
            case ReferralStatusChanged changed -> referralStatusChanged(changed);
            case ReferralOverdue overdue -> referralOverdue(overdue);
            case VisitOverdue overdue -> visitOverdue(overdue);
            case CasePhaseChanged phase -> phaseChanged(phase);
            case CaseTeamChanged team -> teamChanged(team);
            case CaseHomeVisitsEnded ended -> homeVisitsEnded(ended);
            case CaseClosed closed -> caseClosed(closed);
            default -> null;
        });
    }

    /** Any crisis report: the supervisors and the team, at once (a crisis alert, to acknowledge). */
    static Notice crisisReported(CaseCrisisReported crisis) {
        return Notice.of(NotificationKind.CRISIS_ALERT, crisis.centerId(), crisis.caseId(),
                new Subject(Subject.Type.CASE, crisis.caseId()),
                Map.of("origin", AlertOrigin.CRISIS_REPORTED.name(), "urgency", crisis.urgency().name()),
                Audience.TEAM_AND_SUPERVISORS, crisis.reportedBy());
    }

    /** An assessment whose crisis urgency is IMMINENT is a crisis alert like a report; other assessments are not told. */
    static Notice imminentAssessment(CaseAssessmentRecorded assessment) {
        if (assessment.crisisUrgency() != CrisisUrgency.IMMINENT) {
            return null;
        }
        return Notice.of(NotificationKind.CRISIS_ALERT, assessment.centerId(), assessment.caseId(),
                new Subject(Subject.Type.CASE, assessment.caseId()),
                Map.of("origin", AlertOrigin.ASSESSMENT_IMMINENT.name(), "urgency", CrisisUrgency.IMMINENT.name()),
                Audience.TEAM_AND_SUPERVISORS, assessment.recordedBy());
    }

    static Notice referralStatusChanged(ReferralStatusChanged changed) {
        return Notice.of(NotificationKind.REFERRAL_STATUS_CHANGED, changed.centerId(), changed.caseId(),
                new Subject(Subject.Type.REFERRAL, changed.referralId()),
                Map.of("agencyId", changed.agencyId(), "fromStatus", changed.fromStatus().name(),
                        "toStatus", changed.toStatus().name(), "changedBy", changed.changedByParty().name()),
                Audience.TEAM, changed.changedBy());
    }

    static Notice referralOverdue(ReferralOverdue overdue) {
        return Notice.of(NotificationKind.REFERRAL_OVERDUE, overdue.centerId(), overdue.caseId(),
                new Subject(Subject.Type.REFERRAL, overdue.referralId()),
                Map.of("agencyId", overdue.agencyId(), "urgency", overdue.urgency().name(),
                        "respondBy", overdue.respondBy().toString()),
                Audience.TEAM_AND_SUPERVISORS, null);
    }

    /** The primary supporter; the supervisors too once twice the interval has passed. */
    static Notice visitOverdue(VisitOverdue overdue) {
        Audience audience = overdue.intervalsMissed() >= SUPERVISORS_FROM_INTERVALS_MISSED
                ? Audience.PRIMARY_AND_SUPERVISORS : Audience.PRIMARY;
        return Notice.of(NotificationKind.VISIT_OVERDUE, overdue.centerId(), overdue.caseId(),
                new Subject(Subject.Type.CASE, overdue.caseId()),
                Map.of("dueOn", overdue.dueOn().toString(), "daysOverdue", Integer.toString(overdue.daysOverdue()),
                        "intervalsMissed", Integer.toString(overdue.intervalsMissed())),
                audience, null);
    }

    /** The day before a visit, its visitors (the reminder's time is the service's: VisitReminders). */
    public static Notice visitTomorrow(ScheduledVisit visit) {
        return Notice.of(NotificationKind.VISIT_TOMORROW, visit.centerId(), visit.caseId(),
                new Subject(Subject.Type.VISIT, visit.visitId()),
                Map.of("scheduledFor", visit.scheduledFor().toString(), "visitKind", visit.kind().name()),
                Audience.NAMED, null).to(visit.visitors());
    }

    static Notice phaseChanged(CasePhaseChanged phase) {
        return Notice.of(NotificationKind.PHASE_CHANGED, phase.centerId(), phase.caseId(),
                new Subject(Subject.Type.CASE, phase.caseId()),
                Map.of("fromPhase", phase.fromPhase().name(), "toPhase", phase.toPhase().name(),
                        "steppedBack", Boolean.toString(phase.steppedBack())),
                Audience.TEAM, phase.changedBy());
    }

    static Notice teamChanged(CaseTeamChanged team) {
        return Notice.of(NotificationKind.TEAM_CHANGED, team.centerId(), team.caseId(),
                new Subject(Subject.Type.CASE, team.caseId()), Map.of(), Audience.TEAM, team.changedBy());
    }

    static Notice homeVisitsEnded(CaseHomeVisitsEnded ended) {
        return Notice.of(NotificationKind.HOME_VISITS_ENDED, ended.centerId(), ended.caseId(),
                new Subject(Subject.Type.CASE, ended.caseId()),
                Map.of("reason", ended.reason().name(), "endedOn", ended.endedOn().toString()),
                Audience.TEAM, ended.recordedBy());
    }

    static Notice caseClosed(CaseClosed closed) {
        return Notice.of(NotificationKind.CASE_CLOSED, closed.centerId(), closed.caseId(),
                new Subject(Subject.Type.CASE, closed.caseId()), Map.of(), Audience.TEAM, closed.closedBy());
    }
}
