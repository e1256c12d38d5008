package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.visits.domain.VisitPlan;
import jp.tsunagu.visits.security.VisitAccess;

import java.time.Instant;
import java.util.OptionalLong;
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

    /** Creates or replaces the plan, if {@code precondition} holds for its current version. */
    @Audited(action = "visit-plan.update", objectType = "case")
    public Versions.Written<VisitPlan> set(@AuditObjectId UUID caseId, Versions.Precondition precondition,
                                           Consumer<VisitPlan> content) {
        CaseView view = access.mayPlan(caseId);
        VisitPlan existing = em.find(VisitPlan.class, caseId);
        precondition.check(existing == null ? OptionalLong.empty() : OptionalLong.of(existing.version));
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
        return new Versions.Written<>(plan, existing == null);
    }

    @Audited(action = "visit-plan.read", objectType = "case")
    public VisitPlan get(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        VisitPlan plan = em.find(VisitPlan.class, caseId);
        if (plan == null) {
            throw new NotFoundException("Visit plan of case", caseId);
        }
        return plan;
    }
}
