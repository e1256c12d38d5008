package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.visits.domain.VisitPlan;
import jp.tsunagu.visits.security.VisitAccess;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/** The visit plan of a case; changing its interval changes when the next visit is due. */
@ApplicationScoped
@Transactional
public class VisitPlanService {

    private final EntityManager em;
    private final VisitAccess access;
    private final CadenceService cadence;

    VisitPlanService(EntityManager em, VisitAccess access, CadenceService cadence) {
        this.em = em;
        this.access = access;
        this.cadence = cadence;
    }

    /** Sets the plan; {@code expectedVersion} is its current version (0 before the first). */
    public VisitPlan set(UUID caseId, long expectedVersion, Consumer<VisitPlan> content) {
        CaseView view = access.mayPlan(caseId);
        VisitPlan existing = em.find(VisitPlan.class, caseId);
        Versions.check(expectedVersion, existing == null ? 0 : existing.version);
        VisitPlan plan = existing != null ? existing : new VisitPlan();
        plan.caseId = caseId;
        content.accept(plan);
        plan.updatedAt = Instant.now();
        plan.updatedBy = access.caller().userId();
        if (existing == null) {
            plan.version = 1;
            em.persist(plan);
        }
        em.flush();
        cadence.refresh(view);
        return plan;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitPlan get(UUID caseId) {
        access.readable(caseId);
        VisitPlan plan = em.find(VisitPlan.class, caseId);
        if (plan == null) {
            throw new NotFoundException("Visit plan of case", caseId);
        }
        return plan;
    }
}
