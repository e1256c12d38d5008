package jp.tsunagu.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One partner webhook (Standard Webhooks 1.0) for one agency about one event. Its id is the
 * {@code webhook-id} header, the same on every attempt, so the receiver can drop a duplicate; its
 * payload ({@code {type, timestamp, data}}, ids and enums only) is kept as the exact text sent and
 * signed. A round of attempts follows the {@link RetrySchedule}; an admin's retry starts a new round.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    public UUID id;
    /** The event it tells of (with the agency, unique: a redelivered event never makes a second one). */
    @Column(name = "event_id", updatable = false)
    public UUID eventId;
    @Column(name = "agency_id", updatable = false)
    public String agencyId;
    /** The payload's type, the event's type of the contract, e.g. {@code referral.requested.v1}. */
    @Column(updatable = false)
    public String type;
    @Column(updatable = false)
    public String payload;
    @Enumerated(EnumType.STRING)
    public DeliveryState state;
    /** Attempts made, all rounds together. */
    public int attempts;
    @Column(name = "round_attempts")
    public int roundAttempts;
    @Column(name = "round_started_at")
    public Instant roundStartedAt;
    /** When the next attempt is due; null once it ended. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "last_http_status")
    public Integer lastHttpStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "last_failure")
    public AttemptFailure lastFailure;

    /** Takes the outcome of the attempt made at {@code at}; answers the attempt to keep. */
    public WebhookAttempt record(AttemptOutcome outcome, Instant at, RetrySchedule schedule) {
        if (state != DeliveryState.PENDING) {
            throw new IllegalStateException("delivery " + id + " is " + state + ", not waiting for an attempt");
        }
        attempts++;
        roundAttempts++;
        if (roundStartedAt == null) {
            roundStartedAt = at;
        }
        lastAttemptAt = at;
        lastHttpStatus = outcome.httpStatus().orElse(null);
        lastFailure = outcome.failure().orElse(null);
        nextAttemptAt = null;
        Optional<AttemptFailure> failure = outcome.failure();
        if (outcome.succeeded()) {
            state = DeliveryState.DELIVERED;
            deliveredAt = at;
        } else if (outcome.gone() || failure.filter(f -> f == AttemptFailure.ENDPOINT_DISABLED).isPresent()) {
            state = DeliveryState.DISABLED;
        } else if (failure.filter(f -> f == AttemptFailure.NO_ENDPOINT).isPresent()) {
            state = DeliveryState.NO_ENDPOINT;
        } else {
            Optional<Instant> next = schedule.next(roundAttempts, roundStartedAt, at, outcome.retryAfter());
            next.ifPresentOrElse(when -> nextAttemptAt = when, () -> state = DeliveryState.DEAD);
        }
        return WebhookAttempt.of(id, attempts, at, outcome);
    }

    /** An admin's retry: due now, with a new round of the schedule; the id (the {@code webhook-id}) stays. */
    public void retry(Instant now) {
        state = DeliveryState.PENDING;
        nextAttemptAt = now;
        roundAttempts = 0;
        roundStartedAt = null;
    }
}
