package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.events.cases.CrisisFactor;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.FamilyCapacity;
import jp.tsunagu.events.cases.WithdrawalDegree;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A dated assessment (アセスメント) of the background, family capacity (家族の力量) and crisis
 * urgency. Append-only: a new judgement is a new assessment; the latest is current.
 */
@Entity
@Immutable
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "assessed_on")
    public LocalDate assessedOn;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "developmental_history")
    public String developmentalHistory;
    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_degree")
    public WithdrawalDegree withdrawalDegree;
    @Column(name = "mental_state_notes")
    public String mentalStateNotes;
    @Column(name = "suspected_untreated_illness")
    public boolean suspectedUntreatedIllness;
    @Column(name = "intellectual_disability_suspected")
    public boolean intellectualDisabilitySuspected;
    @Column(name = "family_relations")
    public String familyRelations;
    @Column(name = "family_condition")
    public String familyCondition;
    public String stigma;
    @Column(name = "consultation_history")
    public String consultationHistory;
    @Enumerated(EnumType.STRING)
    @Column(name = "family_capacity")
    public FamilyCapacity familyCapacity;
    @Column(name = "family_capacity_notes")
    public String familyCapacityNotes;
    @Enumerated(EnumType.STRING)
    @Column(name = "crisis_urgency")
    public CrisisUrgency crisisUrgency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "crisis_factors")
    public Set<CrisisFactor> crisisFactors;

    /** Urgency above NONE needs the factors that make it so; NONE has none. */
    public void checkCrisisJudgement() {
        boolean hasFactors = crisisFactors != null && !crisisFactors.isEmpty();
        if (crisisUrgency != CrisisUrgency.NONE && !hasFactors) {
            throw new InvalidRequestException("crisisFactors", "name the factors behind a " + crisisUrgency + " urgency");
        }
        if (crisisUrgency == CrisisUrgency.NONE && hasFactors) {
            throw new InvalidRequestException("crisisFactors", "must be empty when crisisUrgency is NONE");
        }
    }
}
