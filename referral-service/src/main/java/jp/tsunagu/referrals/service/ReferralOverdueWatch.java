package jp.tsunagu.referrals.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.events.ReferralEvents;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The watch on respond-by times: a referral still {@code REQUESTED} (neither accepted nor rejected)
 * after its respond-by time is overdue and escalates, as {@code referral.overdue.v1}, once. Safe with
 * several replicas: each notice's key (the referral) is inserted with its event in one transaction
 * of its own, so whichever replica inserts it emits it and the other's insert does nothing.
 * How often it looks is {@link ReferralConfig#overdueCheck()}; time is the injected {@link Clock}.
 * <p>
 * Only a referral with a case is told: the event is about a case (its record key and subject are
 * the case id, and its readers tell the case's team and supervisors), so an inbound referral the
 * center has not made a case of yet has no one it could be told to. The center sees it overdue in
 * its list of inbound referrals ({@code GET /referrals?direction=INBOUND&overdue=true}); once a case
 * is opened from it while it still awaits the center's answer, the next look emits it.
 */
@ApplicationScoped
public class ReferralOverdueWatch {

    /** The scheduler's name for the job (tests pause it to run the watch themselves). */
    public static final String JOB = "referral-overdue-watch";
    /** How many overdue referrals one look takes at most, oldest respond-by first; the next look takes the rest. */
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(ReferralOverdueWatch.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final ReferralConfig config;
    private final Clock clock;

    ReferralOverdueWatch(EntityManager em, Outbox outbox, ReferralConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** At start: every {@link ReferralConfig#overdueCheck()}, the first after 30 s, never twice at once, not while stopping. */
    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        scheduler.newJob(JOB).setInterval(config.overdueCheck().toString()).setDelayed("30s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> check()).schedule();
    }

    /** Emits the notices due now; answers how many this call (this replica) emitted. */
    public int check() {
        Instant now = clock.instant();
        List<Referral> overdue = QuarkusTransaction.requiringNew().call(() -> due(now));
        int emitted = 0;
        for (Referral referral : overdue) {
            if (QuarkusTransaction.requiringNew().call(() -> notify(referral, now))) {
                emitted++;
            }
        }
        if (emitted > 0) {
            LOG.infof("referral overdue watch: %d referral(s) overdue told", emitted);
        }
        return emitted;
    }

    @SuppressWarnings("unchecked")
    private List<Referral> due(Instant now) {
        return em.createNativeQuery("""
                        select r.* from referral r where r.status = 'REQUESTED' and r.respond_by < :now
                        and r.case_id is not null
                        and not exists (select 1 from referral_overdue_notice n where n.referral_id = r.id)
                        order by r.respond_by, r.id""", Referral.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultList();
    }

    /**
     * The notice and its event, if no one emitted it yet and the referral still awaits its answer
     * (it may have been answered since it was found); answers whether this call emitted it.
     */
    private boolean notify(Referral referral, Instant now) {
        int inserted = em.createNativeQuery("""
                        insert into referral_overdue_notice (referral_id, respond_by, emitted_at)
                        select r.id, r.respond_by, :now from referral r
                        where r.id = :id and r.status = 'REQUESTED' and r.respond_by < :now and r.case_id is not null
                        on conflict do nothing""")
                .setParameter("id", referral.id).setParameter("now", now).executeUpdate();
        if (inserted == 1) {
            outbox.append(ReferralEvents.overdue(referral, now));
        }
        return inserted == 1;
    }
}
