package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.visits.domain.Cadence;
import jp.tsunagu.visits.domain.Visit;
import jp.tsunagu.visits.domain.VisitPlan;
import jp.tsunagu.visits.security.VisitAccess;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Keeps each case's cadence current and lists it for the caller (overdue first filterable). */
@ApplicationScoped
@Transactional
public class CadenceService {

    private final EntityManager em;
    private final VisitAccess access;

    CadenceService(EntityManager em, VisitAccess access) {
        this.em = em;
        this.access = access;
    }

    /**
     * Recomputes the case's cadence from its visits and plan (in the caller's transaction). Changes
     * to one case's cadence wait for each other (a lock on the case until commit), so each reads
     * the visits the one before committed: two visits recorded at once both count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cadence refresh(CaseView view) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('cadence'), hashtext(cast(:id as text)))")
                .setParameter("id", view.caseId.toString()).getSingleResult();
        List<Visit> visits = em.createQuery("from Visit v where v.caseId = :c", Visit.class)
                .setParameter("c", view.caseId).getResultList();
        Optional<VisitPlan> plan = Optional.ofNullable(em.find(VisitPlan.class, view.caseId));
        Cadence existing = em.find(Cadence.class, view.caseId);
        Cadence cadence = existing != null ? existing : new Cadence();
        cadence.caseId = view.caseId;
        cadence.centerId = view.centerId;
        cadence.recompute(visits, plan, Instant.now());
        if (existing == null) {
            em.persist(cadence);
        }
        return cadence;
    }

    /**
     * The cadence of the cases the caller may see, most overdue first (cases never due last);
     * {@code overdueOnly} keeps those past their due date.
     */
    @Audited(action = "visit.cadence.read", objectType = "visit")
    public Page<Cadence> list(boolean overdueOnly, LocalDate today, PageRequest page) {
        String center = access.caller().requireCenter();
        StringBuilder jpql = new StringBuilder("from Cadence c where c.centerId = :center");
        if (!access.seesWholeCenter()) {
            jpql.append(" and exists (select 1 from CaseView v join v.team m where v.caseId = c.caseId and m.userId = :me)");
        }
        if (overdueOnly) {
            jpql.append(" and c.dueOn < :today");
        }
        page.after().ifPresent(cursor -> jpql.append(
                " and (c.dueOn, c.caseId) > (:afterDue, :afterId)"));
        jpql.append(" and c.dueOn is not null order by c.dueOn, c.caseId");
        var query = em.createQuery(jpql.toString(), Cadence.class).setParameter("center", center);
        if (!access.seesWholeCenter()) {
            query.setParameter("me", access.caller().userId());
        }
        if (overdueOnly) {
            query.setParameter("today", today);
        }
        page.after().ifPresent(cursor -> query.setParameter("afterDue", cursor.date(0))
                .setParameter("afterId", cursor.uuid(1)));
        return page.page(query.setMaxResults(page.limit() + 1).getResultList(), c -> Cursor.of(c.dueOn, c.caseId));
    }
}
