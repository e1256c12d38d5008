package jp.tsunagu.visits.service;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** This service's own access token (client credentials at Keycloak), renewed before it expires. */
@ApplicationScoped
public class ServiceTokens {

    private final OidcClient client;
    private volatile Tokens tokens;

    protected ServiceTokens(OidcClient client) {
        this.client = client;
    }

    public String accessToken() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenWithinRefreshInterval() || current.isAccessTokenExpired()) {
            current = client.getTokens().await().atMost(Duration.ofSeconds(10));
            tokens = current;
        }
        return current.getAccessToken();
    }
}
