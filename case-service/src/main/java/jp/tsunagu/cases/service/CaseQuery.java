package jp.tsunagu.cases.service;

import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;

import java.util.Optional;

/** The filters of the case list. */
public record CaseQuery(Optional<Phase> phase, Optional<CaseStatus> status, boolean assignedToMe,
                        boolean inCrisis, boolean visitOverdue, Optional<String> text) {
}
