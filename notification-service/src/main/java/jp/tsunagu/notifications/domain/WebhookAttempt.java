package jp.tsunagu.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt at a delivery: when, the HTTP status or why there was none, how long; never the answer's body. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id", updatable = false)
    public UUID deliveryId;
    /** 1 for the delivery's first attempt, counting on across an admin's retries. */
    @Column(updatable = false)
    public int number;
    @Column(name = "attempted_at", updatable = false)
    public Instant attemptedAt;
    @Column(name = "http_status", updatable = false)
    public Integer httpStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public AttemptFailure failure;
    @Column(name = "duration_ms", updatable = false)
    public long durationMs;

    static WebhookAttempt of(UUID deliveryId, int number, Instant at, AttemptOutcome outcome) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = deliveryId;
        attempt.number = number;
        attempt.attemptedAt = at;
        attempt.httpStatus = outcome.httpStatus().orElse(null);
        attempt.failure = outcome.failure().orElse(null);
        attempt.durationMs = outcome.durationMillis();
        return attempt;
    }
}
