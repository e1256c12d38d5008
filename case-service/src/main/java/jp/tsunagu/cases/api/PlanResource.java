package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
                           String familyNeeds, String reason, OffsetDateTime revisedAt, String revisedBy,
                           @Schema(description = "The case conference that produced this revision"
                                   + " (POST /cases/{id}/conferences with a plan); absent for a revision written by PUT")
                           @JsonInclude(JsonInclude.Include.NON_NULL) UUID conferenceId)
            implements Versioned {
        static PlanView of(PlanRevision p) {
            return new PlanView(p.revision(), p.goal, p.prospect, p.homeVisitRole, p.subjectNeeds, p.familyNeeds,
                    p.reason, Tokyo.offset(p.revisedAt), p.revisedBy, p.conferenceId);
        }

        /** The plan's version is its revision number. */
        @Override
        @JsonIgnore
        public long version() {
            return revision;
        }
    }

    public record PlanRevisionList(List<PlanView> items) {
    }

    private final PlanService plans;

    PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or revise the plan (a new revision with its reason; its ETag is the revision)",
            description = Versions.CREATING_PUT)
    @APIResponse(responseCode = "201", description = "The plan created by this first PUT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "200", description = "The new revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response revisePlan(@PathParam("id") UUID caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Valid @NotNull PlanBody body) {
        Versions.Written<PlanRevision> written = plans.revise(caseId, Versions.precondition(ifMatch, ifNoneMatch),
                revision(body));
        return Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PlanView.of(written.value())).build();
    }

    /** The revision a plan body proposes (not yet numbered). */
    static PlanRevision revision(PlanBody body) {
        PlanRevision revision = new PlanRevision();
        revision.goal = body.goal();
        revision.prospect = body.prospect();
        revision.homeVisitRole = body.homeVisitRole();
        revision.subjectNeeds = body.subjectNeeds();
        revision.familyNeeds = body.familyNeeds();
        revision.reason = body.reason();
        return revision;
    }

    @GET
    @Operation(summary = "The current plan")
    @APIResponse(responseCode = "200", description = "The current revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public PlanView getPlan(@PathParam("id") UUID caseId) {
        return PlanView.of(plans.current(caseId));
    }

    @GET
    @Path("revisions")
    @Operation(summary = "Every revision of the plan, newest first")
    public PlanRevisionList listPlanRevisions(@PathParam("id") UUID caseId) {
        return new PlanRevisionList(plans.revisions(caseId).stream().map(PlanView::of).toList());
    }
}
