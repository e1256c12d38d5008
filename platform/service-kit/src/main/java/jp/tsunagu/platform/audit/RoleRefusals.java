package jp.tsunagu.platform.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jp.tsunagu.events.audit.AuditAction;
import jp.tsunagu.events.audit.AuditObjectType;
import jp.tsunagu.platform.audit.CaseObjects.CaseObject;
import jp.tsunagu.platform.problem.RoleRefusalWitness;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request refused by role (an {@code @RolesAllowed} that does not name the caller's role) leaves a
 * DENIED entry, in a short transaction of its own, like a refusal inside an audited act: who, with
 * which roles, which request. When the request names a case this service knows (a path
 * {@code .../cases/{id}...}, else an object of a case in its path as the service's {@link CaseObjects}
 * find it, e.g. {@code /visits/{id}}, else a query parameter {@code caseId}), the entry is about that
 * case, or that object of it, and joins the case's access log (shared, where the service shares);
 * otherwise it is about the request alone. Nothing of the body or of the other query values is kept.
 * A request whose audited act already left its DENIED entry leaves no second one.
 * <p>
 * The security check runs on the I/O thread, so the entry is written on a worker thread, in the
 * request's own request context, before the 403 is answered.
 */
@ApplicationScoped
public class RoleRefusals implements RoleRefusalWitness {

    /** The act in the audit trail. */
    public static final String ACTION = AuditAction.REQUEST_ROLE_REFUSED.code();
    /** The object of a refusal that names no case this service knows: the request (its id is the entry's). */
    public static final String REQUEST = "request";
    /** The query parameter that names a case in the lists of the case's objects. */
    public static final String CASE_PARAMETER = "caseId";

    private static final Pattern CASE_IN_PATH = Pattern.compile("/cases/(" + AuditTrail.UUID_SHAPE.pattern() + ")(/|$)");

    private final AuditTrail trail;
    private final AuditScope scope;
    private final SecurityIdentity identity;
    private final Instance<CaseCenters> centers;
    private final Instance<CaseObjects> objects;

    RoleRefusals(AuditTrail trail, AuditScope scope, SecurityIdentity identity, Instance<CaseCenters> centers,
                 Instance<CaseObjects> objects) {
        this.trail = trail;
        this.scope = scope;
        this.identity = identity;
        this.centers = centers;
        this.objects = objects;
    }

    /** What a refused request names, read from it on its own thread (no query yet). */
    private record Named(Optional<UUID> caseInPath, String path, Optional<UUID> caseInQuery) {
    }

    @Override
    public Uni<Void> refused(HttpServerRequest request) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Uni.createFrom().voidItem();
        }
        Named named = namedBy(request);
        InjectableContext.ContextState state = requestContext.getState();
        return Uni.createFrom().<Void>item(() -> {
            requestContext.activate(state);
            try {
                record(named);
            } finally {
                requestContext.deactivate();
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void record(Named named) {
        if (identity.isAnonymous() || scope.hasRecordedRefusal()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<CaseObject> known = subjectOf(named).filter(subject -> notedWithItsCenter(subject.caseId()));
            trail.record(ACTION, known.map(subject -> subject.type().code()).orElse(REQUEST),
                    known.map(CaseObject::id).orElse(null), AuditOutcome.DENIED);
        });
    }

    /**
     * What the entry is about: the case in the path; else the object of a case the path names, if this
     * service has it; else the case in the query.
     */
    private Optional<CaseObject> subjectOf(Named named) {
        if (named.caseInPath().isPresent()) {
            return named.caseInPath().map(RoleRefusals::theCase);
        }
        for (CaseObjects kind : objects) {
            Optional<CaseObject> object = kind.named(named.path());
            if (object.isPresent()) {
                return object;
            }
        }
        return named.caseInQuery().map(RoleRefusals::theCase);
    }

    private static CaseObject theCase(UUID caseId) {
        return new CaseObject(AuditObjectType.CASE, caseId, caseId);
    }

    /** Notes the case in the audit scope when this service knows its center; answers whether it does. */
    private boolean notedWithItsCenter(UUID caseId) {
        Optional<String> center = centers.isResolvable() ? centers.get().centerOf(caseId) : Optional.empty();
        center.ifPresent(c -> scope.concerns(caseId, c));
        return center.isPresent();
    }

    /** The case the request names in its path, its path itself, and the case in its {@code caseId} query parameter. */
    private static Named namedBy(HttpServerRequest request) {
        String path = request.path() == null ? "" : request.path();
        Matcher inPath = CASE_IN_PATH.matcher(path);
        String parameter = request.getParam(CASE_PARAMETER);
        return new Named(inPath.find() ? Optional.of(UUID.fromString(inPath.group(1))) : Optional.empty(), path,
                parameter != null && AuditTrail.UUID_SHAPE.matcher(parameter).matches()
                        ? Optional.of(UUID.fromString(parameter)) : Optional.empty());
    }
}
