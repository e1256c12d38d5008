package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/**
 * What case-service answers another Tsunagu service about one case
 * ({@code GET /api/v1/cases/{id}/access-scope}, role {@code service}): where it belongs, how far
 * it is and who is on it, so that the caller can decide who may see what. No case content.
 * Its JSON Schema is {@link jp.tsunagu.events.ServiceAnswer#CASE_ACCESS_SCOPE}.
 *
 * @param team the whole support team (支援チーム); empty before one is set
 */
public record CaseAccessScope(UUID caseId, String centerId, Phase phase, CaseStatus status, List<TeamMember> team) {

    public CaseAccessScope {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(phase, "phase");
        requireNonNull(status, "status");
        team = List.copyOf(requireNonNull(team, "team"));
    }
}
