package jp.tsunagu.visits.domain;

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
 * How to visit a case (訪問の計画): the interval short enough not to be forgotten, the time window,
 * the length, who comes along, topics prepared from the person's interests, how it was proposed.
 */
@Entity
@Table(name = "visit_plan")
public class VisitPlan extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Version
    public long version;
    @Column(name = "interval_days")
    public int intervalDays;
    @Column(name = "preferred_time")
    public String preferredTime;
    @Column(name = "duration_minutes")
    public Integer durationMinutes;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> companions;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "prepared_topics")
    public List<String> preparedTopics;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposal_route")
    public ProposalRoute proposalRoute;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
