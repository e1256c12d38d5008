package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.cases.domain.PlanRevision;
import jp.tsunagu.cases.service.PlanService;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The support plan (支援計画) with its revisions: goal, prospect, the place of home visits, and the
 * subject's needs apart from the family's. Its ETag is the revision number. Not for peers.
 */
@Path("/api/v1/cases/{id}/plan")
@Tag(name = "plan")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
public class PlanResource {

    public record PlanBody(@NotBlank @Size(max = 4000) String goal, @Size(max = 4000) String prospect,
                           @Size(max = 4000) String homeVisitRole, @Size(max = 4000) String subjectNeeds,
                           @Size(max = 4000) String familyNeeds, @NotBlank @Size(max = 2000) String reason) {
    }

    public record PlanView(int revision, String goal, String prospect, String homeVisitRole, String subjectNeeds,
                           String familyNeeds, String reason, OffsetDateTime revisedAt, String revisedBy) {
        static PlanView of(PlanRevision p) {
            return new PlanView(p.revision(), p.goal, p.prospect, p.homeVisitRole, p.subjectNeeds, p.familyNeeds,
                    p.reason, Tokyo.offset(p.revisedAt), p.revisedBy);
        }
    }

    public record Revisions(List<PlanView> items) {
    }

    private final PlanService plans;

    PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "case.plan.revise", objectType = "case")
    @Operation(summary = "Revise the plan (a new revision with its reason); If-Match the current revision, \"0\" at first")
    public Response revise(@AuditObjectId @PathParam("id") UUID caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PlanBody body) {
        long expected = Versions.required(ifMatch);
        PlanRevision revision = new PlanRevision();
        revision.goal = body.goal();
        revision.prospect = body.prospect();
        revision.homeVisitRole = body.homeVisitRole();
        revision.subjectNeeds = body.subjectNeeds();
        revision.familyNeeds = body.familyNeeds();
        revision.reason = body.reason();
        PlanRevision saved = plans.revise(caseId, expected, revision);
        return Response.ok(PlanView.of(saved)).header(HttpHeaders.ETAG, Versions.etag(saved.revision())).build();
    }

    @GET
    @Audited(action = "case.plan.read", objectType = "case")
    @Operation(summary = "The current plan")
    public Response current(@AuditObjectId @PathParam("id") UUID caseId) {
        PlanRevision current = plans.current(caseId);
        return Response.ok(PlanView.of(current)).header(HttpHeaders.ETAG, Versions.etag(current.revision())).build();
    }

    @GET
    @Path("revisions")
    @Audited(action = "case.plan.read", objectType = "case")
    @Operation(summary = "Every revision of the plan, newest first")
    public Revisions revisions(@AuditObjectId @PathParam("id") UUID caseId) {
        return new Revisions(plans.revisions(caseId).stream().map(PlanView::of).toList());
    }
}
