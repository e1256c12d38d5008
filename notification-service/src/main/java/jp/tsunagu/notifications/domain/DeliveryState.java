package jp.tsunagu.notifications.domain;

/** Where a partner webhook delivery stands. Every state but PENDING is an end; an admin's retry makes it PENDING again. */
public enum DeliveryState {
    /** Waiting for its next attempt ({@code nextAttemptAt}). */
    PENDING,
    /** The agency's endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt of the retry schedule failed; the admins were told. */
    DEAD,
    /**
     * The agency's endpoint is disabled: this delivery got {@code 410 Gone}, or an earlier one did
     * and the endpoint (URL and secret) has not changed since.
     */
    DISABLED,
    /** The agency has no webhook (no URL or no secret) in the directory: nothing was sent. */
    NO_ENDPOINT
}
