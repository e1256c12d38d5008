package jp.tsunagu.platform.security;

import jp.tsunagu.platform.problem.ForbiddenException;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from the verified token: Keycloak user id ({@code sub}), username, realm roles,
 * and the center or agency the caller belongs to. Every authorization decision starts here.
 * Request-scoped (made by {@link CallerScopeProducer}), so it is a class CDI can proxy, not a record.
 */
public class CallerScope {

    private final String userId;
    private final String username;
    private final Set<String> roles;
    private final Optional<String> centerId;
    private final Optional<String> agencyId;

    public CallerScope(String userId, String username, Set<String> roles,
                       Optional<String> centerId, Optional<String> agencyId) {
        this.userId = userId;
        this.username = username;
        this.roles = Set.copyOf(roles);
        this.centerId = centerId;
        this.agencyId = agencyId;
    }

    /** For the CDI client proxy only. */
    protected CallerScope() {
        this(null, null, Set.of(), Optional.empty(), Optional.empty());
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public Set<String> roles() {
        return roles;
    }

    public Optional<String> centerId() {
        return centerId;
    }

    public Optional<String> agencyId() {
        return agencyId;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's center; a center role without one is a misconfigured account, refused. */
    public String requireCenter() {
        return centerId.orElseThrow(() -> new ForbiddenException("Your account belongs to no center"));
    }

    /** The calling partner's agency; a partner token without one is a misconfigured client, refused. */
    public String requireAgency() {
        return agencyId.orElseThrow(() -> new ForbiddenException("Your token names no agency"));
    }

    public boolean belongsToCenter(String center) {
        return centerId.filter(center::equals).isPresent();
    }
}
