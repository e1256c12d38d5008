package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/** Home visits (訪問支援) of a case ended; the case goes on in FOLLOW_UP: {@code case.home-visits-ended.v1}. */
public record CaseHomeVisitsEnded(
        UUID caseId,
        String centerId,
        HomeVisitEndReason reason,
        LocalDate endedOn,
        Instant recordedAt,
        String recordedBy) implements EventData {

    public CaseHomeVisitsEnded {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(reason, "reason");
        requireNonNull(endedOn, "endedOn");
        requireNonNull(recordedAt, "recordedAt");
        requireNonNull(recordedBy, "recordedBy");
    }
}
