package jp.tsunagu.platform.caseview;

import java.util.Set;
import java.util.UUID;

/**
 * A CDI event: people left a case's team. Fired synchronously, in the transaction that applies
 * the team change, so that a service can record what the loss of sight means for it (visit-service
 * gives its delta feed tombstones) atomically with the view.
 */
public record TeamDepartures(UUID caseId, Set<String> userIds) {

    public TeamDepartures {
        userIds = Set.copyOf(userIds);
    }
}
