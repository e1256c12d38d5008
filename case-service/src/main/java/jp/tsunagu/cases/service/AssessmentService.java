package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.Assessment;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Append-only assessments; the latest sets the case's crisis urgency. An IMMINENT judgement
 * raises the crisis alert at once (case.crisis-reported.v1 through the outbox).
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;

    AssessmentService(EntityManager em, CaseAccess access, CaseJournal journal) {
        this.em = em;
        this.access = access;
        this.journal = journal;
    }

    @Audited(action = "case.assessment.record", objectType = "case")
    public Assessment record(@AuditObjectId UUID caseId, Assessment assessment) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        assessment.checkCrisisJudgement();
        Instant now = Instant.now();
        assessment.id = UUID.randomUUID();
        assessment.caseId = caseId;
        assessment.recordedAt = now;
        assessment.recordedBy = access.caller().userId();
        em.persist(assessment);
        supportCase.crisisUrgency = assessment.crisisUrgency;
        em.flush();
        List<EventData> events = new ArrayList<>(List.of(CaseEvents.assessmentRecorded(supportCase, assessment)));
        if (assessment.crisisUrgency == CrisisUrgency.IMMINENT) {
            events.add(CaseEvents.imminentAssessment(supportCase, assessment));
        }
        journal.record(supportCase, TimelineKind.ASSESSMENT_RECORDED, assessment.id, now,
                Map.of("crisisUrgency", assessment.crisisUrgency.name(), "familyCapacity", assessment.familyCapacity.name()),
                events.toArray(EventData[]::new));
        return assessment;
    }

    @Audited(action = "case.assessment.read", objectType = "case")
    public List<Assessment> history(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        access.requireSensitive();
        return em.createQuery("from Assessment a where a.caseId = :c order by a.recordedAt desc, a.id desc",
                Assessment.class).setParameter("c", caseId).getResultList();
    }
}
