package jp.tsunagu.notifications.service;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.platform.directory.UserIds;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * A user's e-mail address, from Keycloak at send time, cached a few minutes
 * ({@code quarkus.cache.caffeine.notification-email-addresses}); a failure is not cached. The
 * address lives in memory only: it is never stored, and never logged (neither are the answers).
 */
@ApplicationScoped
public class EmailAddresses {

    static final String CACHE = "notification-email-addresses";
    private static final Logger LOG = Logger.getLogger(EmailAddresses.class);

    /** Keycloak could not be asked: the mail is tried again later. */
    public static class UnavailableException extends RuntimeException {
        UnavailableException(String what) {
            super(what);
        }
    }

    private final KeycloakEmails keycloak;
    private final PlatformConfig config;

    EmailAddresses(@RestClient KeycloakEmails keycloak, PlatformConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /** The address of an enabled account; empty for an unknown user, a disabled account or one without an address. */
    @CacheResult(cacheName = CACHE)
    public Optional<String> of(String userId) {
        if (!UserIds.isWellFormed(userId)) {
            return Optional.empty();
        }
        try {
            KeycloakEmails.User user = keycloak.user(config.directory().realm(), userId);
            if (user == null || !Boolean.TRUE.equals(user.enabled()) || user.email() == null || user.email().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(user.email().strip());
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            LOG.warnf("e-mail addresses: Keycloak answered %d", status);
            throw new UnavailableException("Keycloak answered " + status);
        } catch (RuntimeException e) {
            LOG.warnf("e-mail addresses: Keycloak not reachable (%s)", e.getClass().getSimpleName());
            throw new UnavailableException("Keycloak not reachable");
        }
    }
}
