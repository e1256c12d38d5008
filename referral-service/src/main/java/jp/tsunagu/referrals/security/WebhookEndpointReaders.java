package jp.tsunagu.referrals.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jp.tsunagu.platform.problem.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The one check besides the role {@code service} before an agency's webhook secret leaves this
 * service: the caller is the service account of a client allowed to read it
 * ({@link WebhookEndpointConfig#readers()}). Keycloak names a client's service account
 * {@code service-account-<client>} and issues its tokens to the client ({@code azp}); both must
 * name an allowed client (a token without {@code azp} is judged by its username alone). Any other
 * Tsunagu service is refused (403).
 */
@RequestScoped
public class WebhookEndpointReaders {

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final SecurityIdentity identity;
    private final WebhookEndpointConfig config;

    WebhookEndpointReaders(SecurityIdentity identity, WebhookEndpointConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** 403 unless the caller may read webhook endpoints. */
    public void requireReader() {
        if (!mayRead()) {
            throw new ForbiddenException("Only the service that delivers the partner webhooks reads their endpoints");
        }
    }

    boolean mayRead() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return false;
        }
        Optional<String> username = claim(token, "preferred_username");
        if (username.isEmpty() || !username.get().startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return false;
        }
        String client = username.get().substring(SERVICE_ACCOUNT_PREFIX.length());
        Optional<String> authorizedParty = claim(token, "azp");
        return config.readers().contains(client) && authorizedParty.map(client::equals).orElse(true);
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", "")).filter(v -> !v.isBlank());
    }
}
