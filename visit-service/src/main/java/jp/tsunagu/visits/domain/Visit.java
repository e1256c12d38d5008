package jp.tsunagu.visits.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.events.visits.LeftBehind;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.OutingActivity;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.events.visits.Visitor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visit (訪問), recorded or scheduled. Many end without meeting the person; what was left at the
 * door and what it said is the record of that work. A met visit records consent to the next one.
 */
@Entity
@Table(name = "visit")
public class Visit extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", updatable = false)
    public UUID caseId;
    @Column(name = "center_id", updatable = false)
    public String centerId;
    @Version
    public long version;
    /** The delta feed's clock, set by the database on every change. */
    @Column(name = "change_seq", insertable = false, updatable = false)
    public long changeSeq;
    @Enumerated(EnumType.STRING)
    public VisitStatus status;
    @Enumerated(EnumType.STRING)
    public VisitKind kind;
    /** When it happened, or will happen (scheduled). */
    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** When it reached the server: an offline client sends later than it happened. */
    @Column(name = "received_at", updatable = false)
    public Instant receivedAt;
    @OptimisticLock(excluded = true)
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;
    @Column(name = "duration_minutes")
    public Integer durationMinutes;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Visitor> visitors;
    @Enumerated(EnumType.STRING)
    public VisitOutcome outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "left_behind")
    public List<LeftBehind> leftBehind;
    @Column(name = "time_alone_with_subject")
    public Boolean timeAloneWithSubject;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> topics;
    @Enumerated(EnumType.STRING)
    public OutingActivity activity;
    @Enumerated(EnumType.STRING)
    @Column(name = "next_visit_consent")
    public NextVisitConsent nextVisitConsent;
    @Column(name = "next_visit_at")
    public Instant nextVisitAt;
    @Column(name = "next_visit_interval_days")
    public Integer nextVisitIntervalDays;
    @Column(name = "next_visit_duration_minutes")
    public Integer nextVisitDurationMinutes;
    public String observations;
    public String notes;
    @Column(name = "request_hash", updatable = false)
    public String requestHash;

    public boolean hasVisitor(String userId) {
        return visitors.stream().anyMatch(v -> v.userId().equals(userId));
    }

    public boolean isRecorded() {
        return status == VisitStatus.RECORDED;
    }
}
