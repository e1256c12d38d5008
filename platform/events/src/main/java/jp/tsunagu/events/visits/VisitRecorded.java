package jp.tsunagu.events.visits;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A visit (訪問) was recorded, or its record corrected: {@code visit.recorded.v1}. Only its facts,
 * never topics, observations or notes.
 *
 * @param revision             1 for the first record of the visit, one more for each correction
 * @param durationMinutes      how long it lasted; {@code null} when not recorded
 * @param leftBehind           what was left at the door; empty when nothing
 * @param visitors             who went, at least one
 * @param timeAloneWithSubject whether the supporter had time alone with the person; {@code null} when
 *                             the person was not met or it was not recorded
 * @param activity             what was done on an outing; {@code null} for other kinds of visit
 * @param nextVisitConsent     the person's consent to the next visit; NOT_ASKED when not asked
 * @param nextVisitAt          when the next visit was agreed for; {@code null} when none was agreed
 * @param recordedBy           the Keycloak user id of whoever recorded (or corrected) it
 * @param receivedAt           when visit-service received the record (it may have been made offline)
 */
public record VisitRecorded(
        UUID visitId,
        UUID caseId,
        String centerId,
        long revision,
        VisitKind kind,
        Instant occurredAt,
        Integer durationMinutes,
        VisitOutcome outcome,
        List<LeftBehind> leftBehind,
        List<Visitor> visitors,
        Boolean timeAloneWithSubject,
        OutingActivity activity,
        NextVisitConsent nextVisitConsent,
        Instant nextVisitAt,
        String recordedBy,
        Instant receivedAt) implements EventData {

    public VisitRecorded {
        requireNonNull(visitId, "visitId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(kind, "kind");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(outcome, "outcome");
        leftBehind = List.copyOf(requireNonNull(leftBehind, "leftBehind"));
        visitors = List.copyOf(requireNonNull(visitors, "visitors"));
        if (visitors.isEmpty()) {
            throw new IllegalArgumentException("visitors must not be empty");
        }
        requireNonNull(nextVisitConsent, "nextVisitConsent");
        requireNonNull(recordedBy, "recordedBy");
        requireNonNull(receivedAt, "receivedAt");
    }
}
