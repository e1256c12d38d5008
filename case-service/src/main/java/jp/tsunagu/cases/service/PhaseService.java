package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.PhaseTransition;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Moves between the seven phases of the support process; the history is kept. */
@ApplicationScoped
@Transactional
public class PhaseService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;

    PhaseService(EntityManager em, CaseAccess access, CaseJournal journal) {
        this.em = em;
        this.access = access;
        this.journal = journal;
    }

    @Audited(action = "case.phase.change", objectType = "case")
    public PhaseTransition move(@AuditObjectId UUID caseId, Phase target, String reason) {
        SupportCase supportCase = access.writable(caseId);
        Instant now = Instant.now();
        PhaseTransition transition = supportCase.moveTo(target, reason, access.caller().userId(), now);
        em.persist(transition);
        em.flush();
        recordTransition(supportCase, transition);
        return transition;
    }

    void recordTransition(SupportCase supportCase, PhaseTransition transition) {
        journal.record(supportCase, TimelineKind.PHASE_CHANGED, transition.id, transition.transitionedAt,
                Map.of("from", transition.fromPhase.name(), "to", transition.toPhase.name(),
                        "steppedBack", transition.steppedBack),
                CaseEvents.phaseChanged(supportCase, transition));
    }

    @Audited(action = "case.phase.read", objectType = "case")
    public List<PhaseTransition> history(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        return em.createQuery("from PhaseTransition t where t.caseId = :c order by t.transitionedAt, t.id",
                PhaseTransition.class).setParameter("c", caseId).getResultList();
    }
}
