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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
        Set<Notice> noticed = QuarkusTransaction.requiringNew().call(() -> noticed(today));
        int emitted = 0;
        for (Cadence cadence : overdue) {
            // a notice already emitted needs no transaction: at national scale most overdue cases have theirs
            if (!noticed.contains(new Notice(cadence.caseId, cadence.dueOn, cadence.intervalsMissed(today)))
                    && QuarkusTransaction.requiringNew().call(() -> notify(cadence, today))) {
                emitted++;
            }
        }
        return emitted;
    }

    /** A notice's key: the case, its due date, and how many intervals were missed. */
    private record Notice(UUID caseId, LocalDate dueOn, int intervalsMissed) {
    }

    /** The notices already emitted for cadences past due as of {@code today}. */
    private Set<Notice> noticed(LocalDate today) {
        List<?> rows = em.createNativeQuery("""
                        select n.case_id, n.due_on, n.intervals_missed from overdue_notice n
                        join cadence c on c.case_id = n.case_id and c.due_on = n.due_on where c.due_on < :today""")
                .setParameter("today", today)
                .getResultList();
        Set<Notice> noticed = new HashSet<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            LocalDate dueOn = columns[1] instanceof LocalDate day ? day : ((java.sql.Date) columns[1]).toLocalDate();
            noticed.add(new Notice((UUID) columns[0], dueOn, ((Number) columns[2]).intValue()));
        }
        return noticed;
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
