package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.Concern;
import jp.tsunagu.cases.domain.ConcernStatus;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Current wishes and troubles of the person's daily life, and what was done about them. */
@ApplicationScoped
@Transactional
public class ConcernService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;

    ConcernService(EntityManager em, CaseAccess access, CaseJournal journal) {
        this.em = em;
        this.access = access;
        this.journal = journal;
    }

    @Audited(action = "case.concern.raise", objectType = "case")
    public Concern raise(@AuditObjectId UUID caseId, Concern concern) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        Instant now = Instant.now();
        concern.id = UUID.randomUUID();
        concern.caseId = caseId;
        concern.status = concern.status == null ? ConcernStatus.OPEN : concern.status;
        concern.raisedAt = now;
        concern.updatedAt = now;
        em.persist(concern);
        em.flush();
        journal.record(supportCase, TimelineKind.CONCERN_RAISED, concern.id, now, attributes(concern));
        return concern;
    }

    /** Applies a change to the concern as it is (a merge patch). */
    @Audited(action = "case.concern.update", objectType = "case")
    public Concern update(@AuditObjectId UUID caseId, UUID concernId, long expectedVersion,
                          java.util.function.Consumer<Concern> change) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        Concern concern = find(caseId, concernId);
        Versions.check(expectedVersion, concern.version);
        change.accept(concern);
        Instant now = Instant.now();
        concern.updatedAt = now;
        em.flush();
        journal.record(supportCase, TimelineKind.CONCERN_UPDATED, concern.id, now, attributes(concern));
        return concern;
    }

    @Audited(action = "case.concern.read", objectType = "case")
    public List<Concern> list(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        return em.createQuery("from Concern c where c.caseId = :c order by c.raisedAt desc, c.id desc", Concern.class)
                .setParameter("c", caseId).getResultList();
    }

    private Concern find(UUID caseId, UUID concernId) {
        Concern concern = em.find(Concern.class, concernId);
        if (concern == null || !concern.caseId.equals(caseId)) {
            throw new NotFoundException("Concern", concernId);
        }
        return concern;
    }

    private static Map<String, Object> attributes(Concern concern) {
        return Map.of("kind", concern.kind.name(), "category", concern.category.name(),
                "raisedBy", concern.raisedBy.name(), "status", concern.status.name());
    }
}
