package jp.tsunagu.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jp.tsunagu.notifications.NotificationFixtures.Center;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static jp.tsunagu.notifications.NotificationFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A partner webhook delivery given up is told to every operator, in their inbox; to no one else. */
@QuarkusTest
class OperatorNoticesTest {

    @Inject
    Event<WebhookDeliveryDied> died;

    @Test
    void theOperatorsAreToldOfADeadDeliveryAndOnlyThey() {
        Center center = Center.create("operators");
        UUID delivery = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> died.fire(new WebhookDeliveryDied(delivery, "tokyo-police",
                Instant.parse("2026-11-25T01:00:00Z"))));

        as(center.admin()).when().get("/api/v1/notifications?kind=WEBHOOK_DELIVERY_DEAD&limit=200").then()
                .statusCode(200).body("items.subject.id", hasItem(delivery.toString()))
                .body("items.find { it.subject.id == '" + delivery + "' }.facts.agencyId", equalTo("tokyo-police"))
                .body("items.find { it.subject.id == '" + delivery + "' }.link",
                        org.hamcrest.Matchers.endsWith("/webhook-deliveries/" + delivery));
        as(center.supervisor()).when().get("/api/v1/notifications?kind=WEBHOOK_DELIVERY_DEAD&limit=200").then()
                .statusCode(200).body("items.subject.id", not(hasItem(delivery.toString())));
    }
}
