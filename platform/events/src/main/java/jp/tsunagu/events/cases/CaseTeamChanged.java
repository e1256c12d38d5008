package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A case's support team was set: {@code case.team-changed.v1}.
 *
 * @param members the whole team after the change (not a difference), exactly one PRIMARY
 */
public record CaseTeamChanged(
        UUID caseId,
        String centerId,
        List<TeamMember> members,
        Instant changedAt,
        String changedBy) implements EventData {

    public CaseTeamChanged {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        members = List.copyOf(requireNonNull(members, "members"));
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members must not be empty");
        }
        requireNonNull(changedAt, "changedAt");
        requireNonNull(changedBy, "changedBy");
    }
}
