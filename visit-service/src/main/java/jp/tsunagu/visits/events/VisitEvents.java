package jp.tsunagu.visits.events;

import jp.tsunagu.events.visits.VisitOverdue;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.VisitScheduled;
import jp.tsunagu.visits.domain.Cadence;
import jp.tsunagu.visits.domain.Visit;

import java.time.Instant;
import java.time.LocalDate;

/** The visit-events this service publishes: ids, enums and dates only, never notes, observations or topics. */
public final class VisitEvents {

    private VisitEvents() {
    }

    public static VisitRecorded recorded(Visit v) {
        return new VisitRecorded(v.id, v.caseId, v.centerId, v.version + 1, v.kind, v.occurredAt, v.durationMinutes,
                v.outcome, v.leftBehind, v.visitors, v.timeAloneWithSubject, v.activity, v.nextVisitConsent,
                v.nextVisitAt, v.recordedBy, v.receivedAt);
    }

    public static VisitScheduled scheduled(Visit v, String by) {
        return new VisitScheduled(v.id, v.caseId, v.centerId, v.kind, v.occurredAt, v.visitors, v.updatedAt, by);
    }

    public static VisitOverdue overdue(Cadence c, LocalDate today, Instant now) {
        return new VisitOverdue(c.caseId, c.centerId, c.lastVisitOn, c.lastMetOn, c.dueOn, (int) c.daysOverdue(today),
                c.notMetStreak, c.intervalsMissed(today), now);
    }
}
