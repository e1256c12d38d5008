package jp.tsunagu.platform.directory;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jp.tsunagu.platform.config.PlatformConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Looks users up in Keycloak, cached ({@code quarkus.cache.caffeine.tsunagu-directory}): a known
 * user and an unknown id alike; a failure is never cached. Logs statuses only, never a user.
 */
@ApplicationScoped
class KeycloakDirectory {

    static final String CACHE = "tsunagu-directory";
    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);

    private final KeycloakUsers keycloak;
    private final PlatformConfig config;

    KeycloakDirectory(@RestClient KeycloakUsers keycloak, PlatformConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /** The user of a well-formed id; empty when Keycloak has none. */
    @CacheResult(cacheName = CACHE)
    Optional<DirectoryUser> lookup(String userId) {
        String realm = config.directory().realm();
        try {
            KeycloakUsers.User user = keycloak.user(realm, userId);
            List<KeycloakUsers.Role> roles = keycloak.realmRoles(realm, userId);
            return Optional.of(new DirectoryUser(user.id(), Boolean.TRUE.equals(user.enabled()),
                    first(user, config.directory().centerAttribute()),
                    roles.stream().map(KeycloakUsers.Role::name).collect(Collectors.toSet())));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            LOG.warnf("user directory: Keycloak answered %d", status);
            throw new DirectoryUnavailableException();
        } catch (RuntimeException e) {
            LOG.warnf("user directory: Keycloak not reachable (%s)", e.getClass().getSimpleName());
            throw new DirectoryUnavailableException();
        }
    }

    private static Optional<String> first(KeycloakUsers.User user, String attribute) {
        return Optional.ofNullable(user.attributes()).map(a -> a.get(attribute))
                .filter(values -> !values.isEmpty()).map(values -> values.get(0));
    }
}
