package jp.tsunagu.platform.directory;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jp.tsunagu.platform.config.PlatformConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Looks users up in Keycloak, cached ({@code quarkus.cache.caffeine.tsunagu-directory}): a known
 * user and an unknown id alike; a failure is never cached. Logs statuses only, never a user.
 */
@ApplicationScoped
class KeycloakDirectory {

    static final String CACHE = "tsunagu-directory";
    static final String ROLE_CACHE = "tsunagu-directory-roles";
    static final String EMAIL_CACHE = "tsunagu-directory-emails";
    /** Holders of a role read per page; a realm has hundreds of staff, not tens of thousands. */
    static final int PAGE = 100;
    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);

    private final KeycloakUsers keycloak;
    private final KeycloakRoleMembers roleMembers;
    private final PlatformConfig config;

    KeycloakDirectory(@RestClient KeycloakUsers keycloak, @RestClient KeycloakRoleMembers roleMembers,
                      PlatformConfig config) {
        this.keycloak = keycloak;
        this.roleMembers = roleMembers;
        this.config = config;
    }

    /**
     * Who holds the realm role directly (not through a group or a composite role), as directory
     * users with that one role named; cached ({@code quarkus.cache.caffeine.tsunagu-directory-roles}).
     */
    @CacheResult(cacheName = ROLE_CACHE)
    List<DirectoryUser> holdersOf(String role) {
        String realm = config.directory().realm();
        try {
            List<DirectoryUser> holders = new ArrayList<>();
            for (int offset = 0; ; offset += PAGE) {
                List<KeycloakUsers.User> page = roleMembers.holders(realm, role, offset, PAGE, false);
                page.forEach(user -> holders.add(new DirectoryUser(user.id(), Boolean.TRUE.equals(user.enabled()),
                        first(user, config.directory().centerAttribute()), Set.of(role))));
                if (page.size() < PAGE) {
                    return List.copyOf(holders);
                }
            }
        } catch (WebApplicationException e) {
            LOG.warnf("user directory: Keycloak answered %d for a role's holders",
                    e.getResponse() == null ? 0 : e.getResponse().getStatus());
            throw new DirectoryUnavailableException();
        } catch (RuntimeException e) {
            LOG.warnf("user directory: Keycloak not reachable (%s)", e.getClass().getSimpleName());
            throw new DirectoryUnavailableException();
        }
    }

    /** The user of a well-formed id; empty when Keycloak has none. */
    @CacheResult(cacheName = CACHE)
    Optional<DirectoryUser> lookup(String userId) {
        String realm = config.directory().realm();
        return ask(() -> {
            KeycloakUsers.User user = keycloak.user(realm, userId);
            List<KeycloakUsers.Role> roles = keycloak.realmRoles(realm, userId);
            return Optional.of(new DirectoryUser(user.id(), Boolean.TRUE.equals(user.enabled()),
                    first(user, config.directory().centerAttribute()),
                    roles.stream().map(KeycloakUsers.Role::name).collect(Collectors.toSet())));
        });
    }

    /**
     * The e-mail address of a well-formed id's enabled account; empty when Keycloak has no such
     * user, the account is disabled or has no address. Cached apart from the users
     * ({@code quarkus.cache.caffeine.tsunagu-directory-emails}): only who sends mail asks.
     */
    @CacheResult(cacheName = EMAIL_CACHE)
    Optional<String> emailOf(String userId) {
        return ask(() -> Optional.ofNullable(keycloak.user(config.directory().realm(), userId))
                .filter(user -> Boolean.TRUE.equals(user.enabled()))
                .map(KeycloakUsers.User::email).map(String::strip).filter(email -> !email.isEmpty()));
    }

    /** One question about a user: a 404 is no such user, any other failure {@link DirectoryUnavailableException}. */
    private static <T> Optional<T> ask(java.util.function.Supplier<Optional<T>> question) {
        try {
            return question.get();
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
