package jp.tsunagu.visits.domain;

import jp.tsunagu.events.visits.LeftBehind;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.OutingActivity;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.events.visits.Visitor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A visit's content at one version, as kept when it is corrected. */
public record VisitSnapshot(UUID id, UUID caseId, long version, VisitStatus status, VisitKind kind, Instant occurredAt,
                            Instant receivedAt, Instant updatedAt, String recordedBy, Integer durationMinutes,
                            List<Visitor> visitors, VisitOutcome outcome, List<LeftBehind> leftBehind,
                            Boolean timeAloneWithSubject, List<String> topics, OutingActivity activity,
                            NextVisitConsent nextVisitConsent, Instant nextVisitAt, Integer nextVisitIntervalDays,
                            Integer nextVisitDurationMinutes, String observations, String notes) {

    public static VisitSnapshot of(Visit v) {
        return new VisitSnapshot(v.id, v.caseId, v.version, v.status, v.kind, v.occurredAt, v.receivedAt, v.updatedAt,
                v.recordedBy, v.durationMinutes, v.visitors, v.outcome, v.leftBehind, v.timeAloneWithSubject, v.topics,
                v.activity, v.nextVisitConsent, v.nextVisitAt, v.nextVisitIntervalDays, v.nextVisitDurationMinutes,
                v.observations, v.notes);
    }

    public boolean hasVisitor(String userId) {
        return visitors.stream().anyMatch(v -> v.userId().equals(userId));
    }
}
