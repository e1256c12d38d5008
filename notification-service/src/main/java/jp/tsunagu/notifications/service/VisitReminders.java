package jp.tsunagu.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.VisitScheduled;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.notifications.domain.NotificationRules;
import jp.tsunagu.notifications.domain.ScheduledVisit;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.platform.time.Timestamps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The reminder of a visit the day before, to its visitors, once, from the morning (Tokyo time,
 * {@link NotificationConfig.VisitReminders#at()}). The visits come from visit.scheduled.v1; a visit
 * recorded meanwhile is not reminded. Safe with several replicas: a visit is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked reminded in the transaction that tells it.
 */
@ApplicationScoped
public class VisitReminders {

    /** The scheduler's name for the reminder watch (tests pause it to run it themselves). */
    public static final String JOB = "visit-reminder-watch";
    static final int BATCH = 200;

    private final EntityManager em;
    private final Notifier notifier;
    private final NotificationConfig config;
    private final Clock clock;

    VisitReminders(EntityManager em, Notifier notifier, NotificationConfig config, Clock clock) {
        this.em = em;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        scheduler.newJob(JOB).setInterval(config.visitReminders().check().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> remindDue()).schedule();
    }

    /** Keeps a scheduled visit (a rescheduling replaces its time and visitors; a reminded one is not reminded again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduled(VisitScheduled visit) {
        em.createNativeQuery("""
                        insert into scheduled_visit (visit_id, case_id, center_id, scheduled_for, visitors, kind)
                        values (:visit, :case, :center, :at, cast(:visitors as jsonb), :kind)
                        on conflict (visit_id) do update set scheduled_for = excluded.scheduled_for,
                            visitors = excluded.visitors, kind = excluded.kind""")
                .setParameter("visit", visit.visitId()).setParameter("case", visit.caseId())
                .setParameter("center", visit.centerId()).setParameter("at", visit.scheduledFor())
                .setParameter("visitors", Columns.json(visit.visitors().stream().map(Visitor::userId).toList()))
                .setParameter("kind", visit.kind().name()).executeUpdate();
    }

    /** A visit recorded is done: no reminder for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(VisitRecorded visit) {
        em.createNativeQuery("update scheduled_visit set recorded = true where visit_id = :visit")
                .setParameter("visit", visit.visitId()).executeUpdate();
    }

    /** Reminds every visit of tomorrow (Tokyo) not reminded yet, once the morning's time has come; answers how many. */
    public int remindDue() {
        Instant now = clock.instant();
        ZonedDateTime tokyo = now.atZone(Tokyo.ZONE);
        if (tokyo.toLocalTime().isBefore(config.visitReminders().at())) {
            return 0;
        }
        LocalDate tomorrow = tokyo.toLocalDate().plusDays(1);
        Instant from = tomorrow.atStartOfDay(Tokyo.ZONE).toInstant();
        Instant until = tomorrow.plusDays(1).atStartOfDay(Tokyo.ZONE).toInstant();
        int reminded = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> remindABatch(from, until, now));
            reminded += batch;
        } while (batch == BATCH);
        return reminded;
    }

    @SuppressWarnings("unchecked")
    private int remindABatch(Instant from, Instant until, Instant now) {
        List<Object[]> due = em.createNativeQuery("""
                        select visit_id, case_id, center_id, scheduled_for, cast(visitors as text), kind from scheduled_visit
                        where scheduled_for >= :from and scheduled_for < :until and reminded_at is null and not recorded
                        order by scheduled_for limit :batch for update skip locked""")
                .setParameter("from", from).setParameter("until", until).setParameter("batch", BATCH).getResultList();
        for (Object[] row : due) {
            UUID visitId = (UUID) row[0];
            ScheduledVisit visit = new ScheduledVisit(visitId, (UUID) row[1], (String) row[2], Timestamps.instant(row[3]),
                    VisitKind.valueOf((String) row[5]), Set.copyOf(Columns.strings((String) row[4])));
            notifier.tell(NotificationRules.visitTomorrow(visit), "visit/" + visitId + "/tomorrow");
            em.createNativeQuery("update scheduled_visit set reminded_at = :now where visit_id = :visit")
                    .setParameter("now", now).setParameter("visit", visitId).executeUpdate();
        }
        return due.size();
    }
}
