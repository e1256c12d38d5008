package jp.tsunagu.visits.service;

import java.util.Optional;
import java.util.UUID;

/** Asks case-service about a case this service has not heard of yet (its events are on their way). */
public interface CaseDirectory {

    /** The case's scope, or empty if case-service does not know it. */
    Optional<CaseScope> find(UUID caseId);
}
