package jp.tsunagu.events.audit;

import java.util.Arrays;
import java.util.Optional;

/** The Tsunagu realm roles (api.md), as an audited actor holds them. */
public enum ActorRole {
    SUPPORTER("supporter"),
    SUPERVISOR("supervisor"),
    PEER_SUPPORTER("peer-supporter"),
    PARTNER_AGENCY("partner-agency"),
    CENTER_SYSTEM("center-system"),
    ADMIN("admin"),
    SERVICE("service");

    private final String roleName;

    ActorRole(String roleName) {
        this.roleName = roleName;
    }

    /** The realm role's name, e.g. {@code peer-supporter}. */
    public String roleName() {
        return roleName;
    }

    /** The Tsunagu role of that realm role name; empty for Keycloak's own (offline_access, ...). */
    public static Optional<ActorRole> ofRoleName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }
}
