package jp.tsunagu.platform.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The cases the act of the current request touches, with their centers: the service's access check
 * notes the case of each object it resolves (a visit's case, or the cases of the visits of a list),
 * so that {@link AuditTrail} knows which case an audited object belongs to, refused ones included.
 * It also knows whether the request already left a DENIED entry: a refusal is written down once.
 * Outside a request (a consumer, a scheduled job) there is nothing to note.
 */
@ApplicationScoped
public class AuditScope {

    /** The request's notes (reached through methods: a client proxy's fields are not the request's). */
    @RequestScoped
    static class Cases {
        private final Map<UUID, String> centers = new LinkedHashMap<>();
        private boolean refusalRecorded;

        void put(UUID caseId, String centerId) {
            centers.putIfAbsent(caseId, centerId);
        }

        void refusalRecorded() {
            refusalRecorded = true;
        }

        boolean hasRecordedRefusal() {
            return refusalRecorded;
        }

        Map<UUID, String> all() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(centers));
        }
    }

    private final Cases cases;

    AuditScope(Cases cases) {
        this.cases = cases;
    }

    /** Notes that the current request touches an object of this case, of this center. */
    public void concerns(UUID caseId, String centerId) {
        if (caseId != null && centerId != null && requestActive()) {
            cases.put(caseId, centerId);
        }
    }

    /** The cases noted so far in this request, each with its center, in the order noted. */
    public Map<UUID, String> cases() {
        return requestActive() ? cases.all() : Map.of();
    }

    /** Notes that the current request left a DENIED entry. */
    void refusalRecorded() {
        if (requestActive()) {
            cases.refusalRecorded();
        }
    }

    /** Whether the current request already left a DENIED entry (an audited act refused it). */
    boolean hasRecordedRefusal() {
        return requestActive() && cases.hasRecordedRefusal();
    }

    private static boolean requestActive() {
        return Arc.container().requestContext().isActive();
    }
}
