package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A crisis (危機) alert: a crisis was reported, or an assessment judged crisis urgency IMMINENT:
 * {@code case.crisis-reported.v1}. It must reach the supervisors and the team within minutes.
 *
 * @param crisisId     the reported crisis; {@code null} when the origin is ASSESSMENT
 * @param assessmentId the assessment that raised it; {@code null} when the origin is CRISIS_REPORT
 * @param urgency      IMMINENT when raised by an assessment
 * @param kinds        the crisis factors: what happened, or what the assessment fears
 * @param actions      who was called in; empty when none (always empty for an assessment)
 * @param occurredAt   when the crisis happened; for an assessment, when it was recorded
 */
public record CaseCrisisReported(
        UUID caseId,
        String centerId,
        UUID crisisId,
        UUID assessmentId,
        CrisisOrigin origin,
        CrisisUrgency urgency,
        Set<CrisisFactor> kinds,
        Set<CrisisAction> actions,
        Instant occurredAt,
        Instant reportedAt,
        String reportedBy) implements EventData {

    public CaseCrisisReported {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(origin, "origin");
        requireNonNull(urgency, "urgency");
        kinds = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(kinds, "kinds")));
        actions = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(actions, "actions")));
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(reportedAt, "reportedAt");
        requireNonNull(reportedBy, "reportedBy");
    }
}
