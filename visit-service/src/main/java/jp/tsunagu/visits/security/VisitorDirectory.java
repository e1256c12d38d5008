package jp.tsunagu.visits.security;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.platform.directory.UserDirectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may be named a visitor: a user of the case's center in Keycloak's directory, staff with a
 * staff role, peers with the peer-supporter role (400 naming the visitor otherwise, 503 when the
 * directory cannot answer). Nothing else reaches the visit or its events.
 */
@ApplicationScoped
public class VisitorDirectory {

    private final UserDirectory directory;

    VisitorDirectory(UserDirectory directory) {
        this.directory = directory;
    }

    /** Checks the visitors that are not among {@code alreadyThere} (a correction keeps whoever was on the visit). */
    public void requireUsersOf(String centerId, List<Visitor> visitors, List<Visitor> alreadyThere) {
        List<UserDirectory.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < visitors.size(); i++) {
            Visitor visitor = visitors.get(i);
            if (alreadyThere.contains(visitor)) {
                continue;
            }
            String field = "visitors[" + i + "].userId";
            wanted.add(switch (visitor.role()) {
                case STAFF -> UserDirectory.Wanted.staff(field, visitor.userId());
                case PEER_SUPPORTER -> UserDirectory.Wanted.peer(field, visitor.userId());
            });
        }
        directory.requireUsersOf(centerId, wanted);
    }
}
