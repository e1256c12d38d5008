package jp.tsunagu.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.notifications.domain.Audience;
import jp.tsunagu.notifications.domain.CrisisAlert;
import jp.tsunagu.notifications.domain.AlertOrigin;
import jp.tsunagu.notifications.domain.Notice;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.domain.Subject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Crisis alerts: raised once per event and told at once to the team and the center's supervisors;
 * acknowledged once, by any of them, for all; until then escalated to every supervisor of the
 * center, step after step. Safe with several replicas: the watch claims due alerts with
 * {@code FOR UPDATE SKIP LOCKED} and moves each to its next step in the same transaction, and a
 * step's notifications are unique per recipient, so a step is told once whichever replica makes it.
 */
@ApplicationScoped
public class CrisisAlerts {

    /** The scheduler's name for the escalation watch (tests pause it to run the watch themselves). */
    public static final String JOB = "crisis-escalation-watch";
    /** Alerts one look escalates at most; the next look takes the rest. */
    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(CrisisAlerts.class);

    private final EntityManager em;
    private final Notifier notifier;
    private final NotificationConfig config;
    private final Clock clock;

    CrisisAlerts(EntityManager em, Notifier notifier, NotificationConfig config, Clock clock) {
        this.em = em;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        scheduler.newJob(JOB).setInterval(config.crisis().escalationCheck().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> escalateDue()).schedule();
    }

    /** Raises the alert of a crisis notice, once per cause (the event), and tells it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CrisisAlert> raise(Notice notice, String cause) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CrisisAlert alert = CrisisAlert.raise(notice.caseId(), notice.centerId(), cause,
                AlertOrigin.valueOf(notice.facts().get("origin")), now, config.crisis().escalateAfter());
        int inserted = em.createNativeQuery("""
                        insert into crisis_alert (id, case_id, center_id, cause, origin, raised_at, next_escalation_at)
                        values (:id, :case, :center, :cause, :origin, :at, :next) on conflict (cause) do nothing""")
                .setParameter("id", alert.id).setParameter("case", alert.caseId).setParameter("center", alert.centerId)
                .setParameter("cause", cause).setParameter("origin", alert.origin.name())
                .setParameter("at", now).setParameter("next", alert.nextEscalationAt).executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        List<Notification> told = notifier.tell(withAlert(notice, alert.id), cause, alert.id);
        AlertHistory.record(em, alert.id, AlertHistory.What.RAISED, now, null, told.size());
        return Optional.of(em.find(CrisisAlert.class, alert.id));
    }

    /**
     * Acknowledges the alert: the first acknowledgement stops its escalation for everyone and is
     * kept in its history; a later one changes nothing. Answers the alert as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CrisisAlert acknowledge(UUID alertId, String userId) {
        CrisisAlert alert = em.find(CrisisAlert.class, alertId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (alert.acknowledge(userId, now)) {
            AlertHistory.record(em, alert.id, AlertHistory.What.ACKNOWLEDGED, now, userId, 0);
        }
        return alert;
    }

    /** Escalates every alert due now, each in a transaction of its own; answers how many steps this call made. */
    public int escalateDue() {
        int made = 0;
        List<UUID> due;
        do {
            due = QuarkusTransaction.requiringNew().call(this::escalateABatch);
            made += due.size();
        } while (due.size() == BATCH);
        if (made > 0) {
            LOG.infof("crisis escalation: %d step(s) made", made);
        }
        return made;
    }

    /** Claims due alerts no other replica holds, and moves each to its next step in this transaction. */
    @SuppressWarnings("unchecked")
    private List<UUID> escalateABatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<CrisisAlert> due = em.createNativeQuery("""
                        select * from crisis_alert where acknowledged_at is null and next_escalation_at <= :now
                        order by next_escalation_at limit :batch for update skip locked""", CrisisAlert.class)
                .setParameter("now", now).setParameter("batch", BATCH).getResultList();
        for (CrisisAlert alert : due) {
            int step = alert.escalate(now, config.crisis().escalateAfter());
            Notice notice = Notice.of(NotificationKind.CRISIS_ESCALATED, alert.centerId, alert.caseId,
                    new Subject(Subject.Type.CRISIS_ALERT, alert.id), Map.of("escalation", Integer.toString(step),
                            "origin", alert.origin.name(), "alertId", alert.id.toString()),
                    Audience.SUPERVISORS, null);
            List<Notification> told = notifier.tell(notice, alert.cause + "/escalation/" + step, alert.id);
            AlertHistory.record(em, alert.id, AlertHistory.What.ESCALATED, now, null, told.size());
        }
        return due.stream().map(a -> a.id).toList();
    }

    private static Notice withAlert(Notice notice, UUID alertId) {
        SortedMap<String, String> facts = new TreeMap<>(notice.facts());
        facts.put("alertId", alertId.toString());
        return new Notice(notice.kind(), notice.centerId(), notice.caseId(), new Subject(Subject.Type.CRISIS_ALERT, alertId),
                facts, notice.audience(), notice.named(), notice.actor());
    }
}
