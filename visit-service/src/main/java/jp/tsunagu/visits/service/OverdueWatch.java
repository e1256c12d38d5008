package jp.tsunagu.visits.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.visits.domain.Cadence;
import jp.tsunagu.visits.events.VisitEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The watch that nobody is forgotten: cases past their due date get visit.overdue.v1 once, and
 * again only after a further interval. Safe with several replicas: a notice's key (case, due date,
 * intervals missed) is inserted with the event in one transaction, so only one replica emits it.
 * How often it looks is {@link VisitConfig#overdueCheck()}.
 */
@ApplicationScoped
public class OverdueWatch {

    /** The phases in which home visits are the work; before them there is none yet, after them they ended. */
    static final Set<Phase> VISITING = EnumSet.of(Phase.OUTREACH, Phase.ENGAGEMENT, Phase.DAILY_LIFE, Phase.EXPANSION);

    private final EntityManager em;
    private final Outbox outbox;
    private final VisitConfig config;

    OverdueWatch(EntityManager em, Outbox outbox, VisitConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    /** At start: every {@link VisitConfig#overdueCheck()}, the first after 30 s, never twice at once, not while stopping. */
    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        scheduler.newJob("visit-overdue-watch").setInterval(config.overdueCheck().toString()).setDelayed("30s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> check(Tokyo.today())).schedule();
    }

    /** Emits what is due as of {@code today}; answers how many notices this replica emitted. */
    public int check(LocalDate today) {
        List<Cadence> overdue = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                        select c from Cadence c, CaseView v where v.caseId = c.caseId and c.dueOn < :today
                        and v.status = :open and v.phase in :visiting""", Cadence.class)
                .setParameter("today", today).setParameter("open", CaseStatus.OPEN).setParameter("visiting", VISITING)
                .getResultList());
        int emitted = 0;
        for (Cadence cadence : overdue) {
            if (QuarkusTransaction.requiringNew().call(() -> notify(cadence, today))) {
                emitted++;
            }
        }
        return emitted;
    }

    private boolean notify(Cadence cadence, LocalDate today) {
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        insert into overdue_notice (case_id, due_on, intervals_missed, emitted_at)
                        values (:c, :due, :missed, :now) on conflict do nothing""")
                .setParameter("c", cadence.caseId).setParameter("due", cadence.dueOn)
                .setParameter("missed", cadence.intervalsMissed(today)).setParameter("now", now).executeUpdate();
        if (inserted == 1) {
            outbox.append(VisitEvents.overdue(cadence, today, now));
        }
        return inserted == 1;
    }
}
