package jp.tsunagu.events.visits;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A visit was scheduled: {@code visit.scheduled.v1}. Its visitors are reminded the day before.
 *
 * @param scheduledFor when the visit is to take place
 * @param visitors     who is to go, at least one
 */
public record VisitScheduled(
        UUID visitId,
        UUID caseId,
        String centerId,
        VisitKind kind,
        Instant scheduledFor,
        List<Visitor> visitors,
        Instant scheduledAt,
        String scheduledBy) implements EventData {

    public VisitScheduled {
        requireNonNull(visitId, "visitId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(kind, "kind");
        requireNonNull(scheduledFor, "scheduledFor");
        visitors = List.copyOf(requireNonNull(visitors, "visitors"));
        if (visitors.isEmpty()) {
            throw new IllegalArgumentException("visitors must not be empty");
        }
        requireNonNull(scheduledAt, "scheduledAt");
        requireNonNull(scheduledBy, "scheduledBy");
    }
}
