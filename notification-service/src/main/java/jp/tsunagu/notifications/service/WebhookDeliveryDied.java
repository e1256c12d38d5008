package jp.tsunagu.notifications.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner webhook delivery failed every attempt of its schedule and is dead: fired (CDI,
 * synchronously) in the transaction that recorded its last attempt, so that the admins are told
 * (an observer puts a notification in every admin's inbox) exactly when it is recorded.
 */
public record WebhookDeliveryDied(UUID deliveryId, String agencyId, Instant at) {
}
