package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A case moved to another phase of the support process: {@code case.phase-changed.v1}.
 *
 * @param steppedBack whether {@code toPhase} comes before {@code fromPhase} (stepping back is allowed)
 */
public record CasePhaseChanged(
        UUID caseId,
        String centerId,
        Phase fromPhase,
        Phase toPhase,
        boolean steppedBack,
        Instant changedAt,
        String changedBy) implements EventData {

    public CasePhaseChanged {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(fromPhase, "fromPhase");
        requireNonNull(toPhase, "toPhase");
        requireNonNull(changedAt, "changedAt");
        requireNonNull(changedBy, "changedBy");
    }
}
