package jp.tsunagu.cases.service;

import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;

import java.util.Optional;

/**
 * The filters of the case list.
 *
 * @param reviewDue open cases whose review date (from their latest conference) passed before today
 */
public record CaseQuery(Optional<Phase> phase, Optional<CaseStatus> status, boolean assignedToMe,
                        boolean inCrisis, boolean visitOverdue, boolean reviewDue, Optional<String> text) {
}
