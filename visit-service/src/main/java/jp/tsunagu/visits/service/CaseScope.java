package jp.tsunagu.visits.service;

import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;

import java.util.List;
import java.util.UUID;

/** What case-service answers about a case to another service: where it belongs and who is on it. */
public record CaseScope(UUID caseId, String centerId, Phase phase, CaseStatus status, List<TeamMember> team) {
}
