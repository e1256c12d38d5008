package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultationTopic;
import jp.tsunagu.events.cases.ConsultedWith;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A consultation's content at one version, as kept when it is corrected. */
public record ConsultationSnapshot(UUID id, UUID caseId, long version, Instant occurredAt, ConsultationChannel channel,
                                   ConsultedWith consultedWith, Relation relation, Integer durationMinutes,
                                   Set<ConsultationTopic> topics, String notes, Instant recordedAt, String recordedBy,
                                   Instant updatedAt, String updatedBy) {

    public ConsultationSnapshot {
        topics = topics == null ? Set.of() : new TreeSet<>(topics);
    }

    public static ConsultationSnapshot of(Consultation c) {
        return new ConsultationSnapshot(c.id, c.caseId, c.version, c.occurredAt, c.channel, c.consultedWith, c.relation,
                c.durationMinutes, c.topics, c.notes, c.recordedAt, c.recordedBy, c.updatedAt, c.updatedBy);
    }
}
