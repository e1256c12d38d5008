package jp.tsunagu.visits.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.visits.domain.ProposalRoute;
import jp.tsunagu.visits.domain.VisitPlan;
import jp.tsunagu.visits.service.VisitPlanService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** How to visit a case: interval, time, length, companions, prepared topics, how it was proposed. */
@Path("/api/v1/cases/{caseId}/visit-plan")
@Tag(name = "visit plan")
@Produces(MediaType.APPLICATION_JSON)
public class VisitPlanResource {

    public record PlanBody(@NotNull @Min(1) @Max(365) Integer intervalDays, @Size(max = 100) String preferredTime,
                           @Min(5) @Max(480) Integer durationMinutes,
                           @Size(max = 10) List<@NotBlank @Size(max = 100) String> companions,
                           @Size(max = 30) List<@NotBlank @Size(max = 100) String> preparedTopics,
                           ProposalRoute proposalRoute) {
    }

    public record PlanView(long version, int intervalDays, String preferredTime, Integer durationMinutes,
                           List<String> companions, List<String> preparedTopics, ProposalRoute proposalRoute,
                           OffsetDateTime updatedAt, String updatedBy) implements Versioned {
        static PlanView of(VisitPlan p) {
            return new PlanView(p.version, p.intervalDays, p.preferredTime, p.durationMinutes, p.companions,
                    p.preparedTopics, p.proposalRoute, Tokyo.offset(p.updatedAt), p.updatedBy);
        }
    }

    private final VisitPlanService plans;

    VisitPlanResource(VisitPlanService plans) {
        this.plans = plans;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Create or replace the visit plan", description = Versions.CREATING_PUT)
    @APIResponse(responseCode = "201", description = "The visit plan created by this first PUT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "200", description = "The visit plan as set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response setVisitPlan(@PathParam("caseId") UUID caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Valid @NotNull PlanBody body) {
        Versions.Written<VisitPlan> written = plans.set(caseId, Versions.precondition(ifMatch, ifNoneMatch), p -> {
            p.intervalDays = body.intervalDays();
            p.preferredTime = body.preferredTime();
            p.durationMinutes = body.durationMinutes();
            p.companions = body.companions() == null ? List.of() : List.copyOf(body.companions());
            p.preparedTopics = body.preparedTopics() == null ? List.of() : List.copyOf(body.preparedTopics());
            p.proposalRoute = body.proposalRoute();
        });
        return Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PlanView.of(written.value())).build();
    }

    @GET
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "The visit plan")
    @APIResponse(responseCode = "200", description = "The visit plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public PlanView getVisitPlan(@PathParam("caseId") UUID caseId) {
        return PlanView.of(plans.get(caseId));
    }
}
