package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.events.cases.CrisisAction;
import jp.tsunagu.events.cases.CrisisFactor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A crisis that happened (self-harm, violence, sudden deterioration...) and what was done. */
@Entity
@Immutable
@Table(name = "crisis")
public class Crisis extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Set<CrisisFactor> kinds;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    public Set<CrisisAction> actions;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @Column(name = "reported_by")
    public String reportedBy;
}
