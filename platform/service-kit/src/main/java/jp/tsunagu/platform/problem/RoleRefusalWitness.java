package jp.tsunagu.platform.problem;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Told of each request refused by role ({@code io.quarkus.security.ForbiddenException}: an
 * {@code @RolesAllowed} that does not name the caller's role, before any service method ran);
 * {@link ProblemMapper} answers the 403 once it is done. The audit trail writes such refusals down
 * ({@code jp.tsunagu.platform.audit.RoleRefusals}); this interface keeps {@code problem} free of it.
 */
public interface RoleRefusalWitness {

    /** Called on the request's thread, which may be an I/O thread: what blocks runs off it. */
    Uni<Void> refused(HttpServerRequest request);
}
