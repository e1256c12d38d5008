package jp.tsunagu.referrals.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;

/**
 * Who may read an agency's webhook endpoint, its signing secret included
 * ({@code tsunagu.webhook-endpoint.*}): the Keycloak clients whose own service accounts deliver the
 * webhooks. Only notification-service does; another client is added here, never by a role.
 */
@ConfigMapping(prefix = "tsunagu.webhook-endpoint")
public interface WebhookEndpointConfig {

    /** The client ids, e.g. {@code notification-service} (environment: {@code TSUNAGU_WEBHOOK_ENDPOINT_READERS}). */
    @WithDefault("notification-service")
    Set<String> readers();
}
