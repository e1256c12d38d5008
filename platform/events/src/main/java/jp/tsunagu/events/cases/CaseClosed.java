package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/** A case was closed (終結) by a supervisor: {@code case.closed.v1}. */
public record CaseClosed(UUID caseId, String centerId, Instant closedAt, String closedBy) implements EventData {

    public CaseClosed {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(closedAt, "closedAt");
        requireNonNull(closedBy, "closedBy");
    }
}
