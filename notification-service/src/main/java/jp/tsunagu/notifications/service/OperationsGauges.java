package jp.tsunagu.notifications.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What operations watch in notification-service, read from its database every 30 seconds (the alert
 * rules in deploy/k8s/base/monitoring read them; every replica reports the same figures): crisis
 * alerts nobody has acknowledged and how long the oldest has waited, and webhook deliveries given
 * up after their last attempt.
 */
@ApplicationScoped
public class OperationsGauges {

    private static final Logger LOG = Logger.getLogger(OperationsGauges.class);

    private final EntityManager em;
    private final AtomicLong unacknowledged = new AtomicLong();
    private final AtomicLong oldestUnacknowledgedSeconds = new AtomicLong();
    private final AtomicLong deadDeliveries = new AtomicLong();

    OperationsGauges(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        metrics.gauge("tsunagu.crisis.alerts.unacknowledged", unacknowledged);
        metrics.gauge("tsunagu.crisis.alerts.oldest.unacknowledged.age.seconds", oldestUnacknowledgedSeconds);
        metrics.gauge("tsunagu.webhook.deliveries.dead", deadDeliveries);
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Object[] alerts = (Object[]) em.createNativeQuery("""
                        select count(*), coalesce(extract(epoch from now() - min(raised_at)), 0)
                        from crisis_alert where acknowledged_at is null""").getSingleResult();
                unacknowledged.set(((Number) alerts[0]).longValue());
                oldestUnacknowledgedSeconds.set(Math.max(0, ((Number) alerts[1]).longValue()));
                deadDeliveries.set(((Number) em.createNativeQuery(
                        "select count(*) from webhook_delivery where state = 'DEAD'").getSingleResult()).longValue());
            });
        } catch (RuntimeException e) {
            LOG.debugf("operations gauges not updated: %s", e.getClass().getSimpleName());
        }
    }
}
