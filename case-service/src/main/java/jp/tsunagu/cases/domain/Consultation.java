package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultationTopic;
import jp.tsunagu.events.cases.ConsultedWith;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A consultation (相談) of a case after intake: at the center (来所相談), by phone, by e-mail... with
 * the person, the family or an agency. A correction keeps the version before it
 * ({@link ConsultationRevision}); the first record is version 1.
 */
@Entity
@Table(name = "consultation")
public class Consultation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", updatable = false)
    public UUID caseId;
    @Column(name = "center_id", updatable = false)
    public String centerId;
    @Version
    public long version;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public ConsultationChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(name = "consulted_with")
    public ConsultedWith consultedWith;
    /** Which family member (続柄); only when {@code consultedWith} is FAMILY. */
    @Enumerated(EnumType.STRING)
    public Relation relation;
    @Column(name = "duration_minutes")
    public Integer durationMinutes;
    @JdbcTypeCode(SqlTypes.JSON)
    public Set<ConsultationTopic> topics;
    public String notes;
    @Column(name = "recorded_at", updatable = false)
    public Instant recordedAt;
    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
