package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

/**
 * A member of a case's support team (支援チーム).
 *
 * @param userId   the Keycloak user id (a UUID) of a STAFF or PEER_SUPPORTER member, a user of the case's
 *                 center; {@code null} for an agency
 * @param agencyId the agency of an AGENCY_CONTACT member; {@code null} for a user
 */
public record TeamMember(TeamMemberKind kind, String userId, String agencyId, TeamRole role) {

    public TeamMember {
        requireNonNull(kind, "kind");
        requireNonNull(role, "role");
    }
}
