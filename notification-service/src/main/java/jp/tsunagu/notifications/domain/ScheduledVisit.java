package jp.tsunagu.notifications.domain;

import jp.tsunagu.events.visits.VisitKind;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A visit to come, as visit.scheduled.v1 told it: when, of what kind, and who goes (user ids). */
public record ScheduledVisit(UUID visitId, UUID caseId, String centerId, Instant scheduledFor, VisitKind kind,
                             Set<String> visitors) {

    public ScheduledVisit {
        visitors = Set.copyOf(visitors);
    }
}
