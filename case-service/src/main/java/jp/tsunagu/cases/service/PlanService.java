package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.PlanRevision;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The support plan: each change a new revision with its reason; its version is the revision number. */
@ApplicationScoped
@Transactional
public class PlanService {

    private final EntityManager em;
    private final CaseAccess access;
    private final PlanRevisions plans;

    PlanService(EntityManager em, CaseAccess access, PlanRevisions plans) {
        this.em = em;
        this.access = access;
        this.plans = plans;
    }

    /** A new revision (the first creates the plan), if {@code precondition} holds for the current one. */
    @Audited(action = "case.plan.revise", objectType = "case")
    public Versions.Written<PlanRevision> revise(@AuditObjectId UUID caseId, Versions.Precondition precondition,
                                                 PlanRevision proposed) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        PlanRevision revision = plans.numbered(caseId, proposed, precondition::check, access.caller().userId(),
                Instant.now());
        plans.write(supportCase, revision);
        return new Versions.Written<>(revision, revision.revision() == 1);
    }

    @Audited(action = "case.plan.read", objectType = "case")
    public PlanRevision current(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        access.requireSensitive();
        return plans.latest(caseId).orElseThrow(() -> new NotFoundException("Support plan of case", caseId));
    }

    @Audited(action = "case.plan.read", objectType = "case")
    public List<PlanRevision> revisions(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        access.requireSensitive();
        return em.createQuery("from PlanRevision p where p.key.caseId = :c order by p.key.revision desc", PlanRevision.class)
                .setParameter("c", caseId).getResultList();
    }
}
