package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.platform.time.Tokyo;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a case's story. Attributes are ids, enums and dates only: free text stays in the
 * row the entry refers to ({@code refId}).
 */
@Entity
@Immutable
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Insertion order, set by the database: the tie-break between entries of the same instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "center_id")
    public String centerId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public TimelineKind kind;
    @Column(name = "ref_id")
    public UUID refId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes;

    /**
     * Where something that happened on a day stands on the timeline: a thing of the day it was
     * recorded stands where it was recorded; an earlier one at the start of its day (Tokyo).
     */
    public static Instant placeOf(LocalDate day, Instant recordedAt) {
        return day.equals(Tokyo.day(recordedAt)) ? recordedAt : Tokyo.startOf(day);
    }

    public static TimelineEntry of(SupportCase supportCase, TimelineKind kind, UUID refId, Instant at,
                                   Map<String, Object> attributes) {
        return of(supportCase.id, supportCase.centerId, kind, refId, at, attributes);
    }

    public static TimelineEntry of(UUID caseId, String centerId, TimelineKind kind, UUID refId, Instant at,
                                   Map<String, Object> attributes) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.caseId = caseId;
        entry.centerId = centerId;
        entry.kind = kind;
        entry.refId = refId;
        entry.occurredAt = at;
        entry.attributes = attributes;
        return entry;
    }
}
