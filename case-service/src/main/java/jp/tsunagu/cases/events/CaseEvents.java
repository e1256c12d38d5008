package jp.tsunagu.cases.events;

import jp.tsunagu.cases.domain.Assessment;
import jp.tsunagu.cases.domain.Conference;
import jp.tsunagu.cases.domain.Consultation;
import jp.tsunagu.cases.domain.Crisis;
import jp.tsunagu.cases.domain.PhaseTransition;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TeamMember;
import jp.tsunagu.events.cases.CaseAssessmentRecorded;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseConferenceHeld;
import jp.tsunagu.events.cases.CaseConsultationRecorded;
import jp.tsunagu.events.cases.CaseCrisisReported;
import jp.tsunagu.events.cases.CaseHomeVisitsEnded;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseReopened;
import jp.tsunagu.events.cases.CaseSection;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.CaseUpdated;
import jp.tsunagu.events.cases.CrisisOrigin;
import jp.tsunagu.events.cases.CrisisUrgency;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The case-events a case's changes publish: hand-written, because an event is a contract. Only
 * ids, enums, dates and the center; never names or free text.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    public static CaseOpened opened(SupportCase c) {
        return new CaseOpened(c.id, c.centerId, c.caseNumber, c.phase, c.status, c.intake.channel(), c.openedAt, c.openedBy,
                c.intake.inboundReferralId());
    }

    public static CaseUpdated updated(SupportCase c, Set<CaseSection> sections, String by, Instant at) {
        return new CaseUpdated(c.id, c.centerId, c.version, sections, at, by);
    }

    public static CasePhaseChanged phaseChanged(SupportCase c, PhaseTransition t) {
        return new CasePhaseChanged(c.id, c.centerId, t.fromPhase, t.toPhase, t.steppedBack, t.transitionedAt,
                t.transitionedBy);
    }

    public static CaseTeamChanged teamChanged(SupportCase c, List<TeamMember> members, String by, Instant at) {
        return new CaseTeamChanged(c.id, c.centerId, members.stream()
                .map(m -> new jp.tsunagu.events.cases.TeamMember(m.kind, m.userId, m.agencyId, m.role)).toList(), at, by);
    }

    public static CaseAssessmentRecorded assessmentRecorded(SupportCase c, Assessment a) {
        return new CaseAssessmentRecorded(c.id, c.centerId, a.id, a.assessedOn, a.withdrawalDegree, a.familyCapacity,
                a.crisisUrgency, a.crisisFactors, a.recordedAt, a.recordedBy);
    }

    /** An assessment judged the crisis IMMINENT: the alert goes out like a reported crisis. */
    public static CaseCrisisReported imminentAssessment(SupportCase c, Assessment a) {
        return new CaseCrisisReported(c.id, c.centerId, null, a.id, CrisisOrigin.ASSESSMENT, a.crisisUrgency,
                a.crisisFactors, Set.of(), a.recordedAt, a.recordedAt, a.recordedBy);
    }

    public static CaseCrisisReported crisisReported(SupportCase c, Crisis crisis) {
        return new CaseCrisisReported(c.id, c.centerId, crisis.id, null, CrisisOrigin.CRISIS_REPORT,
                CrisisUrgency.IMMINENT, crisis.kinds, crisis.actions, crisis.occurredAt, crisis.reportedAt,
                crisis.reportedBy);
    }

    /**
     * A consultation recorded (revision 1) or corrected (one more each time): its version is the
     * revision, and who recorded or last corrected it, when. The relation and the notes stay out.
     */
    public static CaseConsultationRecorded consultationRecorded(SupportCase c, Consultation consultation) {
        return new CaseConsultationRecorded(consultation.id, c.id, c.centerId, consultation.version,
                consultation.occurredAt, consultation.channel, consultation.consultedWith, consultation.durationMinutes,
                consultation.topics, consultation.updatedAt, consultation.updatedBy);
    }

    /** A case conference was held: who attended and when to review again, never its needs or decisions. */
    public static CaseConferenceHeld conferenceHeld(SupportCase c, Conference conference) {
        return new CaseConferenceHeld(conference.id, c.id, c.centerId, conference.heldOn, conference.attendeeUserIds,
                conference.attendeeAgencyIds, conference.nextReviewOn, conference.planRevision, conference.recordedAt,
                conference.recordedBy);
    }

    public static CaseHomeVisitsEnded homeVisitsEnded(SupportCase c, String by, Instant at) {
        return new CaseHomeVisitsEnded(c.id, c.centerId, c.homeVisitEndReason, c.homeVisitsEndedOn, at, by);
    }

    public static CaseClosed closed(SupportCase c, String by) {
        return new CaseClosed(c.id, c.centerId, c.closedAt, by);
    }

    public static CaseReopened reopened(SupportCase c, String by, Instant at) {
        return new CaseReopened(c.id, c.centerId, c.phase, at, by);
    }
}
