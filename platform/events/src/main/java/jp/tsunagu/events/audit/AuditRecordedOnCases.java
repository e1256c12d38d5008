package jp.tsunagu.events.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A service audited an act on objects of one or more cases of a center (a read, a list, a change,
 * or a refused attempt): {@code audit.recorded.v2}. One event per entry and center, naming the
 * entry's cases of that center: a page of fifty referrals of fifty cases is one event, where
 * {@code audit.recorded.v1} was fifty. Who, in which roles, did what to which object, when, and how
 * it ended; never what the objects hold. case-service keeps it in the access log of each case it
 * names that is of this center.
 *
 * @param source        the service that served (or refused) the act
 * @param objectId      the object acted on; {@code null} for a list
 * @param caseIds       the cases the act touched, of this center: at least one, each once, in the order noted
 * @param centerId      the center the cases belong to
 * @param actorId       the Keycloak user id of who acted (the token's {@code sub})
 * @param actorRoles    the actor's Tsunagu roles
 * @param actorCenterId the actor's own center; {@code null} for a caller of no center
 * @param requestId     the request's id at the serving service; {@code null} outside a request
 */
public record AuditRecordedOnCases(
        AuditSource source,
        AuditAction action,
        AuditObjectType objectType,
        UUID objectId,
        List<UUID> caseIds,
        String centerId,
        String actorId,
        Set<ActorRole> actorRoles,
        String actorCenterId,
        AuditResult outcome,
        Instant occurredAt,
        String requestId) implements EventData {

    public AuditRecordedOnCases {
        requireNonNull(source, "source");
        requireNonNull(action, "action");
        requireNonNull(objectType, "objectType");
        caseIds = List.copyOf(requireNonNull(caseIds, "caseIds"));
        if (caseIds.isEmpty() || new HashSet<>(caseIds).size() != caseIds.size()) {
            throw new IllegalArgumentException("caseIds names at least one case, each once: " + caseIds);
        }
        requireNonNull(centerId, "centerId");
        requireNonNull(actorId, "actorId");
        actorRoles = Set.copyOf(requireNonNull(actorRoles, "actorRoles"));
        requireNonNull(outcome, "outcome");
        requireNonNull(occurredAt, "occurredAt");
    }

    /** An entry of {@code audit.recorded.v1} (still read: written before v2), naming its one case. */
    public static AuditRecordedOnCases of(AuditRecorded oneCase) {
        return new AuditRecordedOnCases(oneCase.source(), oneCase.action(), oneCase.objectType(), oneCase.objectId(),
                List.of(oneCase.caseId()), oneCase.centerId(), oneCase.actorId(), oneCase.actorRoles(),
                oneCase.actorCenterId(), oneCase.outcome(), oneCase.occurredAt(), oneCase.requestId());
    }

    /** No single case: the event names its cases ({@link #caseIds()}). */
    @Override
    public UUID caseId() {
        return null;
    }

    /** The first case it names: the order of audit entries matters within none of their cases. */
    @Override
    public UUID partitionKey() {
        return caseIds.get(0);
    }
}
