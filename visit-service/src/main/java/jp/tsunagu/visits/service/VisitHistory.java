package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.visits.domain.VisitRevision;
import jp.tsunagu.visits.domain.VisitSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every earlier version of a visit stays readable: corrections keep history. */
@ApplicationScoped
public class VisitHistory {

    private final EntityManager em;
    private final CallerScope caller;

    VisitHistory(EntityManager em, CallerScope caller) {
        this.em = em;
        this.caller = caller;
    }

    /** Keeps the visit as it was before a correction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(VisitSnapshot before) {
        VisitRevision revision = new VisitRevision();
        revision.key = new VisitRevision.Key(before.id(), before.version());
        revision.snapshot = before;
        revision.revisedAt = Instant.now();
        revision.revisedBy = caller.userId();
        em.persist(revision);
    }

    /** The earlier versions, oldest first (the current one is the visit itself); within an audited read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<VisitRevision> earlier(UUID visitId) {
        return em.createQuery("from VisitRevision r where r.key.visitId = :v order by r.key.version", VisitRevision.class)
                .setParameter("v", visitId).getResultList();
    }
}
