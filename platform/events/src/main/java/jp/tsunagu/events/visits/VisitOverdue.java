package jp.tsunagu.events.visits;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A case's visit cadence (訪問間隔) was missed, so nobody is forgotten: {@code visit.overdue.v1}.
 * Goes to the primary supporter, and also to the supervisors from two missed intervals on.
 *
 * @param lastVisitOn     the day of the last recorded visit; {@code null} when never visited
 * @param lastMetOn       the last day the person was met; {@code null} when never met
 * @param dueOn           the day the next visit was due
 * @param daysOverdue     days since {@code dueOn}
 * @param notMetStreak    visits in a row without meeting the person
 * @param intervalsMissed how many whole visit intervals were missed: 1, 2, ...
 */
public record VisitOverdue(
        UUID caseId,
        String centerId,
        LocalDate lastVisitOn,
        LocalDate lastMetOn,
        LocalDate dueOn,
        int daysOverdue,
        int notMetStreak,
        int intervalsMissed,
        Instant detectedAt) implements EventData {

    public VisitOverdue {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(dueOn, "dueOn");
        requireNonNull(detectedAt, "detectedAt");
    }
}
