package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.PlanRevision;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How a support plan (支援計画) gets a new revision, whoever writes it (PUT /plan, or a case
 * conference): numbered after the current one, then stored with its PLAN_REVISED line, in the
 * caller's transaction. Not audited: the act that writes it is.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanRevisions {

    private final EntityManager em;
    private final CaseJournal journal;

    PlanRevisions(EntityManager em, CaseJournal journal) {
        this.em = em;
        this.journal = journal;
    }

    /**
     * Numbers the proposed revision after the current one, once {@code precondition} accepts the
     * current revision (empty when there is no plan yet); it is not stored until {@link #write}.
     */
    public PlanRevision numbered(UUID caseId, PlanRevision proposed, Consumer<OptionalLong> precondition, String by,
                                 Instant now) {
        int current = latest(caseId).map(PlanRevision::revision).orElse(0);
        precondition.accept(current == 0 ? OptionalLong.empty() : OptionalLong.of(current));
        proposed.key = new PlanRevision.Key(caseId, current + 1);
        proposed.revisedAt = now;
        proposed.revisedBy = by;
        return proposed;
    }

    /** Stores a numbered revision and tells the case's timeline. */
    public void write(SupportCase supportCase, PlanRevision revision) {
        em.persist(revision);
        journal.record(supportCase, TimelineKind.PLAN_REVISED, supportCase.id, revision.revisedAt,
                Map.of("revision", revision.revision()));
    }

    /** The current revision, if the case has a plan. */
    public Optional<PlanRevision> latest(UUID caseId) {
        return em.createQuery("from PlanRevision p where p.key.caseId = :c order by p.key.revision desc", PlanRevision.class)
                .setParameter("c", caseId).setMaxResults(1).getResultStream().findFirst();
    }
}
