package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.TimelineEntry;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One ordered story of a case, oldest first; peers do not see the lines about assessments, crises and the plan. */
@ApplicationScoped
@Transactional
public class TimelineService {

    static final Set<TimelineKind> SENSITIVE = EnumSet.of(TimelineKind.ASSESSMENT_RECORDED, TimelineKind.CRISIS_REPORTED,
            TimelineKind.CRISIS_PLAN_UPDATED, TimelineKind.PLAN_REVISED);

    private final EntityManager em;
    private final CaseAccess access;

    TimelineService(EntityManager em, CaseAccess access) {
        this.em = em;
        this.access = access;
    }

    @Audited(action = "case.timeline.read", objectType = "case")
    public Page<TimelineEntry> timeline(@AuditObjectId UUID caseId, PageRequest page) {
        access.readable(caseId);
        boolean sensitive = access.seesSensitive();
        Cursor after = page.after().orElse(Cursor.of(Instant.EPOCH, 0L));
        var query = em.createQuery("from TimelineEntry e where e.caseId = :c"
                        + " and (e.occurredAt, e.seq) > (:at, :seq)"
                        + (sensitive ? "" : " and e.kind not in :hidden")
                        + " order by e.occurredAt, e.seq", TimelineEntry.class)
                .setParameter("c", caseId)
                .setParameter("at", after.instant(0))
                .setParameter("seq", after.number(1));
        if (!sensitive) {
            query.setParameter("hidden", SENSITIVE);
        }
        List<TimelineEntry> rows = query.setMaxResults(page.limit() + 1).getResultList();
        return page.page(rows, e -> Cursor.of(e.occurredAt, e.seq));
    }
}
