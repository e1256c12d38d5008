package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.LifecycleChange;
import jp.tsunagu.cases.domain.LifecycleKind;
import jp.tsunagu.cases.domain.PhaseTransition;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The end of home visits (phase FOLLOW_UP), closure (supervisors) and reopening. */
@ApplicationScoped
@Transactional
public class LifecycleService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;
    private final PhaseService phases;
    private final Clock clock;

    LifecycleService(EntityManager em, CaseAccess access, CaseJournal journal, PhaseService phases, Clock clock) {
        this.em = em;
        this.access = access;
        this.journal = journal;
        this.phases = phases;
        this.clock = clock;
    }

    @Audited(action = "case.home-visits.end", objectType = "case")
    public SupportCase endHomeVisits(@AuditObjectId UUID caseId, HomeVisitEndReason reason, LocalDate on, String note) {
        SupportCase supportCase = access.writable(caseId);
        String by = access.caller().userId();
        Instant now = clock.instant();
        PhaseTransition transition = supportCase.endHomeVisits(reason, on, by, now);
        LifecycleChange change = LifecycleChange.of(caseId, LifecycleKind.HOME_VISITS_ENDED, reason.name(), note, by, now);
        em.persist(change);
        if (transition != null) {
            em.persist(transition);
        }
        em.flush();
        if (transition != null) {
            phases.recordTransition(supportCase, transition);
        }
        journal.record(supportCase, TimelineKind.HOME_VISITS_ENDED, change.id, now, Map.of("reason", reason.name()),
                CaseEvents.homeVisitsEnded(supportCase, by, now));
        return supportCase;
    }

    @Audited(action = "case.close", objectType = "case")
    public SupportCase close(@AuditObjectId UUID caseId, String reason) {
        SupportCase supportCase = access.supervised(caseId);
        String by = access.caller().userId();
        Instant now = clock.instant();
        supportCase.close(now);
        LifecycleChange change = LifecycleChange.of(caseId, LifecycleKind.CLOSED, reason, null, by, now);
        em.persist(change);
        em.flush();
        journal.record(supportCase, TimelineKind.CASE_CLOSED, change.id, now, Map.of(), CaseEvents.closed(supportCase, by));
        return supportCase;
    }

    @Audited(action = "case.reopen", objectType = "case")
    public SupportCase reopen(@AuditObjectId UUID caseId, String reason) {
        SupportCase supportCase = access.writable(caseId);
        String by = access.caller().userId();
        Instant now = clock.instant();
        supportCase.reopen();
        LifecycleChange change = LifecycleChange.of(caseId, LifecycleKind.REOPENED, reason, null, by, now);
        em.persist(change);
        em.flush();
        journal.record(supportCase, TimelineKind.CASE_REOPENED, change.id, now, Map.of("phase", supportCase.phase.name()),
                CaseEvents.reopened(supportCase, by, now));
        return supportCase;
    }
}
