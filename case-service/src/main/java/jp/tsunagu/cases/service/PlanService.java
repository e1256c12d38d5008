package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.PlanRevision;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The support plan: each change a new revision with its reason; its version is the revision number. */
@ApplicationScoped
@Transactional
public class PlanService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;

    PlanService(EntityManager em, CaseAccess access, CaseJournal journal) {
        this.em = em;
        this.access = access;
        this.journal = journal;
    }

    /** A new revision; {@code expectedRevision} is the current one (0 when there is no plan yet). */
    public PlanRevision revise(UUID caseId, long expectedRevision, PlanRevision proposed) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        int current = latest(caseId).map(PlanRevision::revision).orElse(0);
        Versions.check(expectedRevision, current);
        Instant now = Instant.now();
        proposed.key = new PlanRevision.Key(caseId, current + 1);
        proposed.revisedAt = now;
        proposed.revisedBy = access.caller().userId();
        em.persist(proposed);
        journal.record(supportCase, TimelineKind.PLAN_REVISED, caseId, now, Map.of("revision", current + 1));
        return proposed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanRevision current(UUID caseId) {
        access.readable(caseId);
        access.requireSensitive();
        return latest(caseId).orElseThrow(() -> new NotFoundException("Support plan of case", caseId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanRevision> revisions(UUID caseId) {
        access.readable(caseId);
        access.requireSensitive();
        return em.createQuery("from PlanRevision p where p.key.caseId = :c order by p.key.revision desc", PlanRevision.class)
                .setParameter("c", caseId).getResultList();
    }

    private Optional<PlanRevision> latest(UUID caseId) {
        return em.createQuery("from PlanRevision p where p.key.caseId = :c order by p.key.revision desc", PlanRevision.class)
                .setParameter("c", caseId).setMaxResults(1).getResultStream().findFirst();
    }
}
