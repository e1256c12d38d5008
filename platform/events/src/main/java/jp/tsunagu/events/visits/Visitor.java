package jp.tsunagu.events.visits;

import static java.util.Objects.requireNonNull;

/**
 * Someone who went on a visit.
 *
 * @param userId the visitor's Keycloak user id (a UUID), a user of the case's center
 */
public record Visitor(String userId, VisitorRole role) {

    public Visitor {
        requireNonNull(userId, "userId");
        requireNonNull(role, "role");
    }
}
