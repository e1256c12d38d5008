package jp.tsunagu.platform.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import jp.tsunagu.platform.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a user id is, from Keycloak's directory: whether it is a user of a center, with which roles.
 * Services check here every user id a request names (team members, visitors) before it is stored
 * or published. Keycloak unreachable is a {@link DirectoryUnavailableException} (503).
 */
@ApplicationScoped
public class UserDirectory {

    /**
     * A user id a request names, where ({@code field}, e.g. {@code members[1].userId}), and the
     * roles of which it must hold one, described for the caller (e.g. {@code a peer supporter}).
     */
    public record Wanted(String field, String userId, Set<String> anyOfRoles, String described) {

        /** Staff of the center: a supporter or a supervisor. */
        public static Wanted staff(String field, String userId) {
            return new Wanted(field, userId, Set.of(Roles.SUPPORTER, Roles.SUPERVISOR),
                    "staff of the center (supporter or supervisor)");
        }

        /** A peer supporter of the center. */
        public static Wanted peer(String field, String userId) {
            return new Wanted(field, userId, Set.of(Roles.PEER_SUPPORTER), "a peer supporter");
        }
    }

    private final KeycloakDirectory keycloak;

    UserDirectory(KeycloakDirectory keycloak) {
        this.keycloak = keycloak;
    }

    /** The user of that id; empty for an id that is not well formed or that no user has. */
    public Optional<DirectoryUser> find(String userId) {
        return UserIds.isWellFormed(userId) ? keycloak.lookup(userId) : Optional.empty();
    }

    /**
     * The e-mail address of an enabled account, read for a mail about to be sent; empty for an id
     * that is not well formed, no user, a disabled account or one without an address. Never store
     * it, never log it.
     */
    public Optional<String> emailOf(String userId) {
        return UserIds.isWellFormed(userId) ? keycloak.emailOf(userId) : Optional.empty();
    }

    /** The enabled users of the center who hold the realm role directly (e.g. its supervisors), by id. */
    public Set<String> holdersOf(String role, String centerId) {
        return keycloak.holdersOf(role).stream().filter(user -> user.isActiveUserOf(centerId))
                .map(DirectoryUser::id).collect(Collectors.toSet());
    }

    /** The enabled users who hold the realm role directly, whatever their center (e.g. the operators, {@code admin}). */
    public Set<String> holdersOf(String role) {
        return keycloak.holdersOf(role).stream().filter(DirectoryUser::enabled)
                .map(DirectoryUser::id).collect(Collectors.toSet());
    }

    /**
     * Requires each wanted id to be an enabled user of the center holding one of its roles; answers
     * every failing id as a violation of its field (400). The message does not tell whether the id
     * is someone of another center or no one: both are "not a user of this case's center".
     */
    public void requireUsersOf(String centerId, List<Wanted> wanted) {
        List<Violation> violations = new ArrayList<>();
        wanted.stream().filter(w -> !UserIds.isWellFormed(w.userId()))
                .forEach(w -> violations.add(new Violation(w.field(), "is not a user id (a UUID in lower case)")));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations); // nothing malformed is ever sent to Keycloak
        }
        for (Wanted w : wanted) {
            Optional<DirectoryUser> user = keycloak.lookup(w.userId());
            if (user.isEmpty() || !user.get().isActiveUserOf(centerId)) {
                violations.add(new Violation(w.field(), "is not a user of this case's center"));
            } else if (!user.get().hasAnyRole(w.anyOfRoles())) {
                violations.add(new Violation(w.field(), "is not " + w.described()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
