package jp.tsunagu.notifications.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The figures the alert rules read: unacknowledged crisis alerts, the oldest one's wait, dead webhook deliveries. */
@QuarkusTest
class OperationsGaugesTest {

    @Inject
    OperationsGauges gauges;

    @Inject
    MeterRegistry metrics;

    @Inject
    EntityManager em;

    @Test
    void anUnacknowledgedAlertAndADeadDeliveryAreCountedAndTheOldestAlertsWaitIsMeasured() {
        gauges.measure();
        double alertsBefore = gauge("tsunagu.crisis.alerts.unacknowledged");
        double deadBefore = gauge("tsunagu.webhook.deliveries.dead");

        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into crisis_alert (id, case_id, center_id, cause, origin, raised_at)
                            values (?, ?, 'gauges', ?, 'CRISIS_REPORTED', ?)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.randomUUID())
                    .setParameter(3, UUID.randomUUID().toString())
                    .setParameter(4, Instant.now().minus(Duration.ofDays(3650))).executeUpdate();
            em.createNativeQuery("""
                            insert into webhook_delivery (id, event_id, agency_id, type, payload, state, attempts, created_at)
                            values (?, ?, 'gauges-agency', 'referral.requested', '{}', 'DEAD', 8, ?)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.randomUUID())
                    .setParameter(3, Instant.now()).executeUpdate();
        });
        gauges.measure();

        assertThat(gauge("tsunagu.crisis.alerts.unacknowledged")).isEqualTo(alertsBefore + 1);
        assertThat(gauge("tsunagu.webhook.deliveries.dead")).isEqualTo(deadBefore + 1);
        assertThat(gauge("tsunagu.crisis.alerts.oldest.unacknowledged.age.seconds"))
                .isGreaterThanOrEqualTo(Duration.ofDays(3650).toSeconds());
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tsunagu_crisis_alerts_unacknowledged"))
                .body(containsString("tsunagu_crisis_alerts_oldest_unacknowledged_age_seconds"))
                .body(containsString("tsunagu_webhook_deliveries_dead"));
    }

    private double gauge(String name) {
        return metrics.get(name).gauge().value();
    }
}
