package jp.tsunagu.notifications.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * The partner webhooks' settings ({@code tsunagu.webhooks.*}). Every key under {@code tsunagu.}
 * belongs to a mapping; one none of them knows fails the start. How long an agency's endpoint is
 * kept in memory is the cache's ({@code quarkus.cache.caffeine.tsunagu-webhook-endpoints.*}).
 */
@ConfigMapping(prefix = "tsunagu.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for due deliveries, e.g. {@code 1s}. */
    Duration dispatchInterval();

    /** Whether the scheduled dispatcher is off: tests call {@link WebhookDispatcher#dispatchDue()} themselves. */
    @WithDefault("false")
    boolean dispatchPaused();

    /** At most this many attempts in one run of the dispatcher; the next run takes the rest. */
    @WithDefault("100")
    int batchSize();

    /** How long an attempt may take to connect to an agency's endpoint. */
    Duration connectTimeout();

    /** How long an attempt waits for the endpoint's answer once the request is sent. */
    Duration readTimeout();

    /** The share of each retry's gap added at random ({@link jp.tsunagu.notifications.domain.RetrySchedule}), 0 to 1. */
    @WithDefault("0.1")
    double jitter();

    /** referral-service's base URL, where an agency's endpoint is asked for, e.g. {@code http://127.0.0.1:8083}. */
    URI referralServiceUrl();
}
