package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A closed case was reopened: {@code case.reopened.v1}.
 *
 * @param phase the phase the case is in once reopened
 */
public record CaseReopened(
        UUID caseId,
        String centerId,
        Phase phase,
        Instant reopenedAt,
        String reopenedBy) implements EventData {

    public CaseReopened {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(phase, "phase");
        requireNonNull(reopenedAt, "reopenedAt");
        requireNonNull(reopenedBy, "reopenedBy");
    }
}
