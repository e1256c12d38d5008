package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A current wish or trouble of daily life (生活上の困りごとや希望): not a future goal, something to
 * fulfil or solve now, with what was done about it.
 */
@Entity
@Table(name = "concern")
public class Concern extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Version
    public long version;
    @Enumerated(EnumType.STRING)
    public ConcernKind kind;
    @Enumerated(EnumType.STRING)
    public ConcernCategory category;
    @Enumerated(EnumType.STRING)
    @Column(name = "raised_by")
    public RaisedBy raisedBy;
    @Enumerated(EnumType.STRING)
    public ConcernStatus status;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ConcernAction> actions;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
