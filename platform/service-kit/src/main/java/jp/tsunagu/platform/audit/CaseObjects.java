package jp.tsunagu.platform.audit;

import jp.tsunagu.events.audit.AuditObjectType;

import java.util.Optional;
import java.util.UUID;

/**
 * Which object of a case a request path names ({@code /api/v1/visits/{id}...}), and that object's
 * case, as far as this service knows it without asking anyone: so that a request refused by role
 * ({@link RoleRefusals}) on the path of a visit, a referral or a consent still joins the access log
 * of its case, as a refusal on {@code /cases/{id}...} does. A service whose objects all live under
 * {@code /cases/{id}} (or that has none) has none of these.
 */
public interface CaseObjects {

    /** An object of a case, named by its type in the audit contract. */
    record CaseObject(AuditObjectType type, UUID id, UUID caseId) {
    }

    /**
     * The object this path names and its case; empty for a path that names none of this service's
     * objects, for an id not in the right shape, and for an object it does not have or that has no case
     * yet. Runs in the caller's transaction: at most one select by primary key, and no call out.
     */
    Optional<CaseObject> named(String path);

    /**
     * The id in {@code path} when it is {@code collection/{uuid}} or below it ({@code collection/{uuid}/...});
     * empty otherwise, a malformed id included, so that such a path costs no query.
     */
    static Optional<UUID> idUnder(String collection, String path) {
        if (path == null || !path.startsWith(collection + "/")) {
            return Optional.empty();
        }
        String rest = path.substring(collection.length() + 1);
        String segment = rest.indexOf('/') < 0 ? rest : rest.substring(0, rest.indexOf('/'));
        return AuditTrail.UUID_SHAPE.matcher(segment).matches() ? Optional.of(UUID.fromString(segment)) : Optional.empty();
    }
}
