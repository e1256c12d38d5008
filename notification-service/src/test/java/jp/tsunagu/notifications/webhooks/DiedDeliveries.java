package jp.tsunagu.notifications.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.notifications.service.WebhookDeliveryDied;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the admins' side hears: every {@link WebhookDeliveryDied} fired, kept for the tests to read. */
@ApplicationScoped
public class DiedDeliveries {

    private final List<WebhookDeliveryDied> heard = new ArrayList<>();

    synchronized void on(@Observes WebhookDeliveryDied died) {
        heard.add(died);
    }

    public synchronized List<WebhookDeliveryDied> of(UUID deliveryId) {
        return heard.stream().filter(d -> d.deliveryId().equals(deliveryId)).toList();
    }
}
