package jp.tsunagu.events.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A service audited an act on an object of a case (a read, a change, or a refused attempt):
 * {@code audit.recorded.v1}. Who, in which roles, did what to which object, when, and how it ended;
 * never what the object holds. case-service keeps it in the case's access log.
 *
 * @param source        the service that served (or refused) the act
 * @param objectId      the object acted on; {@code null} for a list
 * @param centerId      the center the case belongs to
 * @param actorId       the Keycloak user id of who acted (the token's {@code sub})
 * @param actorRoles    the actor's Tsunagu roles
 * @param actorCenterId the actor's own center; {@code null} for a caller of no center
 * @param requestId     the request's id at the serving service; {@code null} outside a request
 */
public record AuditRecorded(
        AuditSource source,
        AuditAction action,
        AuditObjectType objectType,
        UUID objectId,
        UUID caseId,
        String centerId,
        String actorId,
        Set<ActorRole> actorRoles,
        String actorCenterId,
        AuditResult outcome,
        Instant occurredAt,
        String requestId) implements EventData {

    public AuditRecorded {
        requireNonNull(source, "source");
        requireNonNull(action, "action");
        requireNonNull(objectType, "objectType");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(actorId, "actorId");
        actorRoles = Set.copyOf(requireNonNull(actorRoles, "actorRoles"));
        requireNonNull(outcome, "outcome");
        requireNonNull(occurredAt, "occurredAt");
    }
}
