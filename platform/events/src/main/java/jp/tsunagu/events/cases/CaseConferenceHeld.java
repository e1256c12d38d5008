package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A case conference (事例検討会) was held: {@code case.conference-held.v1}. Who attended and when
 * the case is reviewed again; the needs and decisions stay in case-service.
 *
 * @param attendeeUserIds   the Keycloak user ids of the staff who attended
 * @param attendeeAgencyIds the partner agencies that attended; empty when none
 * @param nextReviewOn      when the case is to be reviewed again; {@code null} when not set
 * @param planRevision      the support plan revision the conference produced; {@code null} when none
 */
public record CaseConferenceHeld(
        UUID conferenceId,
        UUID caseId,
        String centerId,
        LocalDate heldOn,
        List<String> attendeeUserIds,
        List<String> attendeeAgencyIds,
        LocalDate nextReviewOn,
        Integer planRevision,
        Instant recordedAt,
        String recordedBy) implements EventData {

    public CaseConferenceHeld {
        requireNonNull(conferenceId, "conferenceId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(heldOn, "heldOn");
        attendeeUserIds = List.copyOf(requireNonNull(attendeeUserIds, "attendeeUserIds"));
        attendeeAgencyIds = List.copyOf(requireNonNull(attendeeAgencyIds, "attendeeAgencyIds"));
        requireNonNull(recordedAt, "recordedAt");
        requireNonNull(recordedBy, "recordedBy");
    }
}
