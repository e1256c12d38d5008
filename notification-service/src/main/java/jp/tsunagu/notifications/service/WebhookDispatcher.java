package jp.tsunagu.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jp.tsunagu.notifications.domain.AttemptFailure;
import jp.tsunagu.notifications.domain.AttemptOutcome;
import jp.tsunagu.notifications.domain.DeliveryState;
import jp.tsunagu.notifications.domain.PartnerEndpoint;
import jp.tsunagu.notifications.domain.RetrySchedule;
import jp.tsunagu.notifications.domain.WebhookDelivery;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers the partner webhooks that are due. Each attempt is one transaction: the delivery is
 * claimed with {@code FOR UPDATE SKIP LOCKED} (another replica's dispatcher takes another one, never
 * the same), sent, and its attempt recorded before the lock is let go. A 2xx delivers it; a 410
 * disables the agency's endpoint (this delivery and the next ones to the same URL and secret end as
 * DISABLED, until an admin retries one or the directory gives the agency a new URL or secret); any
 * other failure is tried again on the {@link RetrySchedule}, with the endpoint asked of the directory
 * again (not the one kept in memory, which an admin may just have corrected); after the last, the delivery is DEAD and
 * {@link WebhookDeliveryDied} is fired. Time is the injected {@link Clock}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** The scheduler's name for the job. */
    public static final String JOB = "webhook-dispatcher";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final EntityManager em;
    private final PartnerEndpoints endpoints;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final Clock clock;
    private final Event<WebhookDeliveryDied> died;
    private final RetrySchedule schedule;

    WebhookDispatcher(EntityManager em, PartnerEndpoints endpoints, WebhookSender sender, WebhookConfig config, Clock clock,
                      Event<WebhookDeliveryDied> died) {
        this.em = em;
        this.endpoints = endpoints;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.died = died;
        this.schedule = RetrySchedule.standard(config.jitter(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** At start, unless paused: every {@link WebhookConfig#dispatchInterval()}, never twice at once, not while stopping. */
    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        if (config.dispatchPaused()) {
            LOG.info("webhook dispatcher paused (tsunagu.webhooks.dispatch-paused)");
            return;
        }
        scheduler.newJob(JOB).setInterval(config.dispatchInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> dispatchDue()).schedule();
    }

    /** Makes the attempts due now, up to {@link WebhookConfig#batchSize()}; answers how many this call made. */
    public int dispatchDue() {
        int made = 0;
        while (made < config.batchSize() && QuarkusTransaction.requiringNew().call(this::attemptNext)) {
            made++;
        }
        return made;
    }

    /** Claims one due delivery and makes its attempt; false when none is due (or all due ones are being attempted). */
    private boolean attemptNext() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> due = em.createNativeQuery("""
                        select * from webhook_delivery where state = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id limit 1 for update skip locked""", WebhookDelivery.class)
                .setParameter("now", now).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        WebhookDelivery delivery = due.get(0);
        Optional<PartnerEndpoint> endpoint = Optional.empty();
        AttemptOutcome outcome;
        long started = System.nanoTime();
        try {
            endpoint = endpoints.find(delivery.agencyId);
            if (endpoint.isEmpty()) {
                outcome = AttemptOutcome.failed(AttemptFailure.NO_ENDPOINT, millisSince(started));
            } else if (disabled(delivery.agencyId, endpoint.get())) {
                outcome = AttemptOutcome.failed(AttemptFailure.ENDPOINT_DISABLED, millisSince(started));
            } else {
                outcome = sender.send(endpoint.get(), delivery.id, now, delivery.payload);
            }
        } catch (EndpointLookupException e) {
            outcome = AttemptOutcome.failed(AttemptFailure.LOOKUP_FAILED, millisSince(started));
        }
        em.persist(delivery.record(outcome, now, schedule));
        if (!outcome.succeeded()) {
            endpoints.forget(delivery.agencyId); // the retry asks again: an admin may be fixing the URL right now
        }
        if (outcome.gone()) {
            disable(delivery, endpoint.orElseThrow(), now);
        }
        if (delivery.state == DeliveryState.DEAD) {
            LOG.warnf("webhook delivery %s to agency %s is dead after %d attempts", delivery.id, delivery.agencyId,
                    delivery.attempts);
            died.fire(new WebhookDeliveryDied(delivery.id, delivery.agencyId, now));
        }
        return true;
    }

    private boolean disabled(String agencyId, PartnerEndpoint endpoint) {
        return !em.createNativeQuery("""
                        select 1 from webhook_endpoint_disabled where agency_id = :agency and endpoint_fingerprint = :fingerprint""")
                .setParameter("agency", agencyId).setParameter("fingerprint", endpoint.fingerprint())
                .getResultList().isEmpty();
    }

    private void disable(WebhookDelivery delivery, PartnerEndpoint endpoint, Instant now) {
        LOG.warnf("agency %s's webhook endpoint answered 410 Gone to delivery %s: disabled", delivery.agencyId, delivery.id);
        em.createNativeQuery("""
                        insert into webhook_endpoint_disabled (agency_id, endpoint_fingerprint, disabled_at, delivery_id)
                        values (:agency, :fingerprint, :now, :delivery)
                        on conflict (agency_id) do update set endpoint_fingerprint = excluded.endpoint_fingerprint,
                        disabled_at = excluded.disabled_at, delivery_id = excluded.delivery_id""")
                .setParameter("agency", delivery.agencyId).setParameter("fingerprint", endpoint.fingerprint())
                .setParameter("now", now).setParameter("delivery", delivery.id).executeUpdate();
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
