package jp.tsunagu.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.tsunagu.events.audit.ActorRole;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.events.audit.AuditRecordedOnCases;
import jp.tsunagu.events.audit.AuditResult;
import jp.tsunagu.events.audit.AuditSource;
import jp.tsunagu.events.cases.CaseAssessmentRecorded;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseConferenceHeld;
import jp.tsunagu.events.cases.CaseConsultationRecorded;
import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultationTopic;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.events.cases.CaseCrisisReported;
import jp.tsunagu.events.cases.CaseHomeVisitsEnded;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseReopened;
import jp.tsunagu.events.cases.CaseSection;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.CaseUpdated;
import jp.tsunagu.events.cases.CrisisAction;
import jp.tsunagu.events.cases.CrisisFactor;
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
import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.InboundReferralReceived;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.events.visits.LeftBehind;
import jp.tsunagu.events.visits.LeftBehindContents;
import jp.tsunagu.events.visits.LeftBehindKind;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.OutingActivity;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitOverdue;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.VisitScheduled;

/** One sample of every event type, with every component filled (collections not empty). */
public final class EventSamples {

    public static final UUID CASE_ID = UUID.fromString("6f1c2a8e-3b7d-4c59-9e12-0a4b5c6d7e8f");
    public static final UUID REFERRAL_ID = UUID.fromString("0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b");
    public static final UUID CONSENT_ID = UUID.fromString("33333333-4444-4555-8666-777777777777");
    public static final UUID VISIT_ID = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    public static final String CENTER = "tokyo";
    public static final String SUPPORTER = "8d2f4c1e-7b3a-4e6d-9f0c-5a1b2c3d4e5f";
    public static final String PEER = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    public static final String SUPERVISOR = "f0e1d2c3-b4a5-4968-8776-655443322110";
    public static final String AGENCY = "tokyo-chuo-hoken";
    public static final String AGENCY_USER = "service-account-tokyo-chuo-hoken";

    private static final Instant AT = Instant.parse("2026-11-25T01:30:00Z");
    private static final LocalDate ON = LocalDate.parse("2026-11-25");

    private EventSamples() {
    }

    /** A sample of that type's data, every component set. */
    public static EventData sample(EventType type) {
        return switch (type) {
            case CASE_OPENED -> new CaseOpened(CASE_ID, CENTER, "C-2026-000123", Phase.ASSESSMENT,
                    CaseStatus.OPEN, IntakeChannel.REFERRAL, AT, SUPPORTER, REFERRAL_ID);
            case CASE_UPDATED -> new CaseUpdated(CASE_ID, CENTER, 3L,
                    EnumSet.of(CaseSection.HOUSEHOLD, CaseSection.SUBJECT), AT, SUPPORTER);
            case CASE_PHASE_CHANGED -> new CasePhaseChanged(CASE_ID, CENTER, Phase.ENGAGEMENT, Phase.OUTREACH,
                    true, AT, SUPPORTER);
            case CASE_TEAM_CHANGED -> new CaseTeamChanged(CASE_ID, CENTER, List.of(
                    new TeamMember(TeamMemberKind.STAFF, SUPPORTER, null, TeamRole.PRIMARY),
                    new TeamMember(TeamMemberKind.PEER_SUPPORTER, PEER, null, TeamRole.PEER),
                    new TeamMember(TeamMemberKind.AGENCY_CONTACT, null, AGENCY, TeamRole.BACKUP_AGENCY)),
                    AT, SUPERVISOR);
            case CASE_ASSESSMENT_RECORDED -> new CaseAssessmentRecorded(CASE_ID, CENTER,
                    UUID.fromString("11111111-2222-4333-8444-555555555555"), ON, WithdrawalDegree.STAYS_IN_ROOM,
                    FamilyCapacity.WEAK, CrisisUrgency.WATCH,
                    EnumSet.of(CrisisFactor.VIOLENCE, CrisisFactor.FAMILY_HEALTH_DETERIORATION), AT, SUPPORTER);
            case CASE_CRISIS_REPORTED -> new CaseCrisisReported(CASE_ID, CENTER,
                    UUID.fromString("22222222-3333-4444-8555-666666666666"),
                    UUID.fromString("11111111-2222-4333-8444-555555555555"), CrisisOrigin.CRISIS_REPORT,
                    CrisisUrgency.IMMINENT, EnumSet.of(CrisisFactor.SELF_HARM, CrisisFactor.SUICIDE_ATTEMPT),
                    EnumSet.of(CrisisAction.AMBULANCE, CrisisAction.HOSPITAL), AT.minusSeconds(3600), AT, SUPPORTER);
            case CASE_HOME_VISITS_ENDED -> new CaseHomeVisitsEnded(CASE_ID, CENTER,
                    HomeVisitEndReason.CONNECTED_TO_OTHER_AGENCY, ON, AT, SUPPORTER);
            case CASE_CLOSED -> new CaseClosed(CASE_ID, CENTER, AT, SUPERVISOR);
            case CASE_REOPENED -> new CaseReopened(CASE_ID, CENTER, Phase.FOLLOW_UP, AT, SUPERVISOR);
            case CASE_CONSULTATION_RECORDED -> new CaseConsultationRecorded(
                    UUID.fromString("33333333-4444-4555-8666-777777777777"), CASE_ID, CENTER, 1,
                    AT.minusSeconds(3600), ConsultationChannel.CENTER_VISIT, ConsultedWith.FAMILY, 50,
                    EnumSet.of(ConsultationTopic.HOW_TO_RESPOND, ConsultationTopic.HOME_VISIT_PROPOSAL), AT, SUPPORTER);
            case CASE_CONFERENCE_HELD -> new CaseConferenceHeld(
                    UUID.fromString("44444444-5555-4666-8777-888888888888"), CASE_ID, CENTER, ON,
                    List.of(SUPPORTER, SUPERVISOR), List.of("hokenjo-shinjuku"), ON.plusMonths(3), 2, AT, SUPERVISOR);
            case VISIT_RECORDED -> new VisitRecorded(VISIT_ID, CASE_ID, CENTER, 2, VisitKind.OUTING,
                    AT.minusSeconds(7200), 45, VisitOutcome.MET_SUBJECT,
                    List.of(LeftBehind.of(LeftBehindKind.LETTER, LeftBehindContents.SUPPORTER_NEWS,
                                    LeftBehindContents.REQUEST_FOR_HELP),
                            LeftBehind.of(LeftBehindKind.LEAFLET, LeftBehindContents.WHAT_I_CAN_DO)),
                    List.of(new Visitor(SUPPORTER, VisitorRole.STAFF), new Visitor(PEER, VisitorRole.PEER_SUPPORTER)),
                    Boolean.TRUE, OutingActivity.WALK, NextVisitConsent.AGREED, AT.plusSeconds(14 * 86_400),
                    SUPPORTER, AT);
            case VISIT_SCHEDULED -> new VisitScheduled(VISIT_ID, CASE_ID, CENTER, VisitKind.HOME,
                    AT.plusSeconds(86_400),
                    List.of(new Visitor(SUPPORTER, VisitorRole.STAFF), new Visitor(PEER, VisitorRole.PEER_SUPPORTER)),
                    AT, SUPPORTER);
            case VISIT_OVERDUE -> new VisitOverdue(CASE_ID, CENTER, ON.minusDays(30), ON.minusDays(58),
                    ON.minusDays(16), 16, 2, 2, AT);
            case REFERRAL_REQUESTED -> new ReferralRequested(REFERRAL_ID, CASE_ID, CENTER, AGENCY,
                    AgencyKind.PUBLIC_HEALTH_CENTER, ReferralPurpose.BACKUP,
                    Set.of(ReferralReason.SUSPECTED_MENTAL_ILLNESS, ReferralReason.SELF_HARM_RISK),
                    ReferralUrgency.URGENT, LegalBasis.CONSENT,
                    CONSENT_ID, AT.plusSeconds(86_400), AT, SUPPORTER);
            case REFERRAL_STATUS_CHANGED -> new ReferralStatusChanged(REFERRAL_ID, CASE_ID, CENTER, AGENCY,
                    AgencyKind.PUBLIC_HEALTH_CENTER, ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                    AGENCY_USER, Party.AGENCY, AT);
            case REFERRAL_OVERDUE -> new ReferralOverdue(REFERRAL_ID, CASE_ID, CENTER, AGENCY,
                    ReferralUrgency.EMERGENCY, AT.minusSeconds(600), AT);
            case REFERRAL_INBOUND_RECEIVED -> new InboundReferralReceived(REFERRAL_ID, CASE_ID, CENTER, AGENCY,
                    AgencyKind.WELFARE_OFFICE, ReferralUrgency.ROUTINE, true, AT);
            case CONSENT_WITHDRAWN -> new ConsentWithdrawn(CONSENT_ID, CASE_ID, CENTER,
                    Set.of(AGENCY, "tokyo-shinjuku-welfare"),
                    Set.of(REFERRAL_ID, UUID.fromString("44444444-5555-4666-8777-888888888888")), ON, AT, SUPPORTER);
            case AUDIT_RECORDED -> new AuditRecorded(AuditSource.VISIT_SERVICE, AuditAction.VISIT_READ,
                    AuditObjectType.VISIT, VISIT_ID, CASE_ID, CENTER, PEER,
                    EnumSet.of(ActorRole.PEER_SUPPORTER, ActorRole.SUPPORTER), "osaka", AuditResult.DENIED, AT,
                    "3f1e2d4c-5b6a-4789-8abc-def012345678");
            case AUDIT_RECORDED_ON_CASES -> new AuditRecordedOnCases(AuditSource.REFERRAL_SERVICE, AuditAction.REFERRAL_READ,
                    AuditObjectType.REFERRAL, REFERRAL_ID, List.of(CASE_ID, UUID.fromString("55555555-6666-4777-8888-999999999999")),
                    CENTER, SUPPORTER, EnumSet.of(ActorRole.SUPPORTER), CENTER, AuditResult.SUCCESS, AT,
                    "4a2f3e5d-6c7b-4890-9bcd-ef0123456789");
        };
    }
}
