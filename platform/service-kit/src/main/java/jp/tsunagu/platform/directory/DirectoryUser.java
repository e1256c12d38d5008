package jp.tsunagu.platform.directory;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A user as the directory knows them: the id, whether the account is enabled, the center it
 * belongs to (the {@code center_id} attribute) and its effective realm roles. Nothing else.
 */
public record DirectoryUser(String id, boolean enabled, Optional<String> centerId, Set<String> roles) {

    public DirectoryUser {
        roles = Set.copyOf(roles);
    }

    /** An enabled account of that center. */
    public boolean isActiveUserOf(String center) {
        return enabled && centerId.filter(center::equals).isPresent();
    }

    public boolean hasAnyRole(Collection<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
