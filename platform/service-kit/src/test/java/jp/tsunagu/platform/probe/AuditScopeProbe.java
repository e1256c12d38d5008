package jp.tsunagu.platform.probe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.platform.audit.AuditOutcome;
import jp.tsunagu.platform.audit.AuditScope;
import jp.tsunagu.platform.audit.AuditTrail;

import java.util.Map;
import java.util.UUID;

/** An act on objects of the given cases, noted in the audit scope as a service's access check would, then audited. */
@Path("/test/audit-scope")
@RolesAllowed({"supporter", "supervisor"})
public class AuditScopeProbe {

    public record Act(String action, String objectType, UUID objectId, Map<UUID, String> cases, boolean denied) {
    }

    private final AuditScope scope;
    private final AuditTrail trail;

    AuditScopeProbe(AuditScope scope, AuditTrail trail) {
        this.scope = scope;
        this.trail = trail;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void act(Act act) {
        act.cases().forEach(scope::concerns);
        QuarkusTransaction.requiringNew().run(() -> trail.record(act.action(), act.objectType(), act.objectId(),
                act.denied() ? AuditOutcome.DENIED : AuditOutcome.SUCCESS));
    }
}
