package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.Milestone;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineEntry;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Dated milestones of the person's change (Figure 2 of the booklet). */
@ApplicationScoped
@Transactional
public class MilestoneService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;

    MilestoneService(EntityManager em, CaseAccess access, CaseJournal journal) {
        this.em = em;
        this.access = access;
        this.journal = journal;
    }

    @Audited(action = "case.milestone.record", objectType = "case")
    public Milestone record(@AuditObjectId UUID caseId, Milestone milestone) {
        SupportCase supportCase = access.writable(caseId);
        Instant now = Instant.now();
        milestone.id = UUID.randomUUID();
        milestone.caseId = caseId;
        milestone.recordedAt = now;
        milestone.recordedBy = access.caller().userId();
        em.persist(milestone);
        journal.record(supportCase, TimelineKind.MILESTONE_REACHED, milestone.id,
                TimelineEntry.placeOf(milestone.reachedOn, milestone.recordedAt), Map.of("kind", milestone.kind.name()));
        return milestone;
    }

    @Audited(action = "case.milestone.read", objectType = "case")
    public List<Milestone> list(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        return em.createQuery("from Milestone m where m.caseId = :c order by m.reachedOn, m.id", Milestone.class)
                .setParameter("c", caseId).getResultList();
    }
}
