package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.events.cases.Phase;

import java.time.Instant;
import java.util.UUID;

/** A move between the seven phases of the support process, with its reason; never changed. */
@Entity
@Table(name = "phase_transition")
public class PhaseTransition extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_phase")
    public Phase fromPhase;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase")
    public Phase toPhase;
    @Column(name = "stepped_back")
    public boolean steppedBack;
    public String reason;
    @Column(name = "transitioned_at")
    public Instant transitionedAt;
    @Column(name = "transitioned_by")
    public String transitionedBy;

    static PhaseTransition of(SupportCase supportCase, Phase from, Phase to, String reason, String by, Instant now) {
        PhaseTransition transition = new PhaseTransition();
        transition.id = UUID.randomUUID();
        transition.caseId = supportCase.id;
        transition.fromPhase = from;
        transition.toPhase = to;
        transition.steppedBack = to.ordinal() < from.ordinal();
        transition.reason = reason;
        transition.transitionedBy = by;
        transition.transitionedAt = now;
        return transition;
    }
}
