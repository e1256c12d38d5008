package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.visits.domain.Cadence;
import jp.tsunagu.visits.domain.CadenceFacts;
import jp.tsunagu.visits.domain.VisitPlan;
import jp.tsunagu.visits.security.VisitAccess;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.time.Timestamps;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

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
     * The latest counted visit, the latest meeting and the count of counted visits since, in one
     * statement over the partial index of migration V3 (its conditions are the index's, word for
     * word, so that the planner can use it): the cost does not grow with the case's history, only
     * with the visits since the last meeting, read from the index alone.
     */
    static final String FACTS = """
            select l.occurred_at, l.next_visit_consent, l.next_visit_at, l.next_visit_interval_days, m.occurred_at,
                   (select count(*) from visit s where s.case_id = :c and s.status = 'RECORDED'
                      and s.outcome <> 'CANCELLED' and s.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
                      and s.occurred_at > coalesce(m.occurred_at, '-infinity'))
            from (select 1) one
            left join lateral (select v.occurred_at, v.next_visit_consent, v.next_visit_at, v.next_visit_interval_days
                               from visit v where v.case_id = :c and v.status = 'RECORDED'
                                 and v.outcome <> 'CANCELLED' and v.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
                               order by v.occurred_at desc, v.id desc limit 1) l on true
            left join lateral (select v.occurred_at from visit v where v.case_id = :c and v.status = 'RECORDED'
                                 and v.outcome = 'MET_SUBJECT' and v.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
                               order by v.occurred_at desc, v.id desc limit 1) m on true""";

    /**
     * Recomputes the case's cadence from its visits and plan (in the caller's transaction). Changes
     * to one case's cadence wait for each other (a lock on the case until commit), so each reads
     * the visits the one before committed: two visits recorded at once both count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cadence refresh(CaseView view) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('cadence'), hashtext(cast(:id as text)))")
                .setParameter("id", view.caseId.toString()).getSingleResult();
        CadenceFacts facts = facts(view.caseId);
        Optional<VisitPlan> plan = Optional.ofNullable(em.find(VisitPlan.class, view.caseId));
        Cadence existing = em.find(Cadence.class, view.caseId);
        Cadence cadence = existing != null ? existing : new Cadence();
        cadence.caseId = view.caseId;
        cadence.centerId = view.centerId;
        cadence.recompute(facts, plan, Instant.now());
        if (existing == null) {
            em.persist(cadence);
        }
        return cadence;
    }

    private CadenceFacts facts(UUID caseId) {
        Object[] row = (Object[]) em.createNativeQuery(FACTS).setParameter("c", caseId).getSingleResult();
        Optional<CadenceFacts.LastVisit> last = row[0] == null ? Optional.empty() : Optional.of(new CadenceFacts.LastVisit(
                Timestamps.instant(row[0]), row[1] == null ? null : NextVisitConsent.valueOf((String) row[1]),
                Timestamps.instant(row[2]),
                (Integer) row[3]));
        return new CadenceFacts(last, Optional.ofNullable(Timestamps.instant(row[4])), ((Number) row[5]).intValue());
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
