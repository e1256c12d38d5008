package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A consultation (相談) of a case was recorded, or its record corrected:
 * {@code case.consultation-recorded.v1}. Only its facts, never the relation's name or the notes.
 *
 * @param revision        1 for the first record, one more for each correction
 * @param durationMinutes how long it lasted; {@code null} when not recorded
 * @param topics          what it was about; empty when not recorded
 * @param recordedBy      the Keycloak user id of whoever recorded (or corrected) it
 */
public record CaseConsultationRecorded(
        UUID consultationId,
        UUID caseId,
        String centerId,
        long revision,
        Instant occurredAt,
        ConsultationChannel channel,
        ConsultedWith with,
        Integer durationMinutes,
        Set<ConsultationTopic> topics,
        Instant recordedAt,
        String recordedBy) implements EventData {

    public CaseConsultationRecorded {
        requireNonNull(consultationId, "consultationId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(channel, "channel");
        requireNonNull(with, "with");
        topics = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(topics, "topics")));
        requireNonNull(recordedAt, "recordedAt");
        requireNonNull(recordedBy, "recordedBy");
    }
}
