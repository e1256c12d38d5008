package jp.tsunagu.platform.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Which center a case belongs to, as far as this service knows it without asking anyone: so that a
 * request refused before any act ({@link RoleRefusals}) still joins the access log of the case it
 * names. case-service answers from its own cases, the services that keep a case view from that view
 * (platform/case-view). A service with neither has none, and its refusals concern no case.
 */
public interface CaseCenters {

    /** The case's center; empty for a case this service does not know. Runs in the caller's transaction. */
    Optional<String> centerOf(UUID caseId);
}
