package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** An end of home visits, a closure (終結) or a reopening, with its reason; never changed. */
@Entity
@Immutable
@Table(name = "lifecycle_change")
public class LifecycleChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public LifecycleKind kind;
    /** An enum name for home-visit ends, the supervisor's words for closures and reopenings. */
    public String reason;
    public String note;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    public static LifecycleChange of(UUID caseId, LifecycleKind kind, String reason, String note, String by, Instant at) {
        LifecycleChange change = new LifecycleChange();
        change.id = UUID.randomUUID();
        change.caseId = caseId;
        change.kind = kind;
        change.reason = reason;
        change.note = note;
        change.changedBy = by;
        change.changedAt = at;
        return change;
    }
}
