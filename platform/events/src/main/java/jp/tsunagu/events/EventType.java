package jp.tsunagu.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.tsunagu.events.audit.AuditRecorded;
import jp.tsunagu.events.audit.AuditRecordedOnCases;
import jp.tsunagu.events.cases.CaseAssessmentRecorded;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseConferenceHeld;
import jp.tsunagu.events.cases.CaseConsultationRecorded;
import jp.tsunagu.events.cases.CaseCrisisReported;
import jp.tsunagu.events.cases.CaseHomeVisitsEnded;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseReopened;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.CaseUpdated;
import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.InboundReferralReceived;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.events.visits.VisitOverdue;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.VisitScheduled;

/** Every event type of Tsunagu: its CloudEvents {@code type}, topic, data record and JSON Schema. */
public enum EventType {
    CASE_OPENED("case.opened.v1", Topic.CASE_EVENTS, CaseOpened.class),
    CASE_UPDATED("case.updated.v1", Topic.CASE_EVENTS, CaseUpdated.class),
    CASE_PHASE_CHANGED("case.phase-changed.v1", Topic.CASE_EVENTS, CasePhaseChanged.class),
    CASE_TEAM_CHANGED("case.team-changed.v1", Topic.CASE_EVENTS, CaseTeamChanged.class),
    CASE_ASSESSMENT_RECORDED("case.assessment-recorded.v1", Topic.CASE_EVENTS, CaseAssessmentRecorded.class),
    CASE_CRISIS_REPORTED("case.crisis-reported.v1", Topic.CASE_EVENTS, CaseCrisisReported.class),
    CASE_HOME_VISITS_ENDED("case.home-visits-ended.v1", Topic.CASE_EVENTS, CaseHomeVisitsEnded.class),
    CASE_CLOSED("case.closed.v1", Topic.CASE_EVENTS, CaseClosed.class),
    CASE_REOPENED("case.reopened.v1", Topic.CASE_EVENTS, CaseReopened.class),
    CASE_CONSULTATION_RECORDED("case.consultation-recorded.v1", Topic.CASE_EVENTS, CaseConsultationRecorded.class),
    CASE_CONFERENCE_HELD("case.conference-held.v1", Topic.CASE_EVENTS, CaseConferenceHeld.class),
    VISIT_RECORDED("visit.recorded.v1", Topic.VISIT_EVENTS, VisitRecorded.class),
    VISIT_SCHEDULED("visit.scheduled.v1", Topic.VISIT_EVENTS, VisitScheduled.class),
    VISIT_OVERDUE("visit.overdue.v1", Topic.VISIT_EVENTS, VisitOverdue.class),
    REFERRAL_REQUESTED("referral.requested.v1", Topic.REFERRAL_EVENTS, ReferralRequested.class),
    REFERRAL_STATUS_CHANGED("referral.status-changed.v1", Topic.REFERRAL_EVENTS, ReferralStatusChanged.class),
    REFERRAL_OVERDUE("referral.overdue.v1", Topic.REFERRAL_EVENTS, ReferralOverdue.class),
    REFERRAL_INBOUND_RECEIVED("referral.inbound-received.v1", Topic.REFERRAL_EVENTS, InboundReferralReceived.class),
    /** A consent is referral-service's: its withdrawal goes on referral-events, keyed by the case like the referrals resting on it. */
    CONSENT_WITHDRAWN("consent.withdrawn.v1", Topic.REFERRAL_EVENTS, ConsentWithdrawn.class),
    /** Read, no longer written: events of it written before v2 may still wait in the topic. */
    AUDIT_RECORDED("audit.recorded.v1", Topic.AUDIT_EVENTS, AuditRecorded.class, false),
    AUDIT_RECORDED_ON_CASES("audit.recorded.v2", Topic.AUDIT_EVENTS, AuditRecordedOnCases.class);

    private static final String SCHEMA_FOLDER = "/jp/tsunagu/events/schemas/";
    private static final String SCHEMA_ID_BASE = "https://tsunagu.jp/schemas/events/";

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<? extends EventData>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String type;
    private final Topic topic;
    private final Class<? extends EventData> dataClass;
    private final boolean written;

    EventType(String type, Topic topic, Class<? extends EventData> dataClass) {
        this(type, topic, dataClass, true);
    }

    EventType(String type, Topic topic, Class<? extends EventData> dataClass, boolean written) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
        this.written = written;
    }

    /** The CloudEvents {@code type}, with its version suffix, e.g. {@code case.opened.v1}. */
    public String type() {
        return type;
    }

    /** The topic events of this type are published on. */
    public Topic topic() {
        return topic;
    }

    /** The record that is the event's data. */
    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /**
     * Whether producers write it; false for a type a newer version replaced, which consumers still
     * read (its events written before the change may still wait in the topic).
     */
    public boolean written() {
        return written;
    }

    /** The classpath path of the data's JSON Schema, e.g. {@code /jp/tsunagu/events/schemas/case.opened.v1.json}. */
    public String schemaResource() {
        return SCHEMA_FOLDER + type + ".json";
    }

    /** The {@code $id} of the data's JSON Schema, fit for the CloudEvents {@code dataschema} attribute. */
    public URI schemaId() {
        return URI.create(SCHEMA_ID_BASE + type + ".json");
    }

    /** The event type whose data is that record class. */
    public static Optional<EventType> of(Class<? extends EventData> dataClass) {
        return Optional.ofNullable(dataClass == null ? null : BY_CLASS.get(dataClass));
    }

    /** The event type of a CloudEvents {@code type} string; empty for a type this version does not know. */
    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }
}
