package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.Crisis;
import jp.tsunagu.cases.domain.CrisisContact;
import jp.tsunagu.cases.domain.CrisisPlan;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The crisis plan told to the family in advance, and the crises that happened. Reporting a crisis
 * raises the alert: case.crisis-reported.v1 goes through the outbox with the report itself.
 */
@ApplicationScoped
@Transactional
public class CrisisService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;

    CrisisService(EntityManager em, CaseAccess access, CaseJournal journal) {
        this.em = em;
        this.access = access;
        this.journal = journal;
    }

    /** Creates or replaces the crisis plan, if {@code precondition} holds for its current version. */
    @Audited(action = "case.crisis-plan.update", objectType = "case")
    public Versions.Written<CrisisPlan> setPlan(@AuditObjectId UUID caseId, Versions.Precondition precondition,
                                                List<CrisisContact> contacts, String instructions,
                                                LocalDate sharedWithFamilyOn) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        CrisisPlan existing = em.find(CrisisPlan.class, caseId);
        precondition.check(existing == null ? OptionalLong.empty() : OptionalLong.of(existing.version));
        CrisisPlan plan = existing != null ? existing : new CrisisPlan();
        Instant now = Instant.now();
        plan.caseId = caseId;
        plan.contacts = List.copyOf(contacts);
        plan.instructions = instructions;
        plan.sharedWithFamilyOn = sharedWithFamilyOn;
        plan.updatedAt = now;
        plan.updatedBy = access.caller().userId();
        if (existing == null) {
            plan.version = 1;
            em.persist(plan);
        }
        em.flush();
        journal.record(supportCase, TimelineKind.CRISIS_PLAN_UPDATED, caseId, now, Map.of("version", plan.version));
        return new Versions.Written<>(plan, existing == null);
    }

    @Audited(action = "case.crisis-plan.read", objectType = "case")
    public CrisisPlan plan(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        access.requireSensitive();
        CrisisPlan plan = em.find(CrisisPlan.class, caseId);
        if (plan == null) {
            throw new NotFoundException("Crisis plan of case", caseId);
        }
        return plan;
    }

    @Audited(action = "case.crisis.report", objectType = "case")
    public Crisis report(@AuditObjectId UUID caseId, Crisis crisis) {
        SupportCase supportCase = access.writable(caseId);
        Instant now = Instant.now();
        crisis.id = UUID.randomUUID();
        crisis.caseId = caseId;
        crisis.reportedAt = now;
        crisis.reportedBy = access.caller().userId();
        em.persist(crisis);
        journal.record(supportCase, TimelineKind.CRISIS_REPORTED, crisis.id, crisis.occurredAt,
                Map.of("kinds", crisis.kinds.stream().map(Enum::name).sorted().toList(),
                        "actions", crisis.actions.stream().map(Enum::name).sorted().toList()),
                CaseEvents.crisisReported(supportCase, crisis));
        return crisis;
    }

    @Audited(action = "case.crisis.read", objectType = "case")
    public List<Crisis> crises(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        access.requireSensitive();
        return em.createQuery("from Crisis c where c.caseId = :c order by c.occurredAt desc, c.id desc", Crisis.class)
                .setParameter("c", caseId).getResultList();
    }
}
