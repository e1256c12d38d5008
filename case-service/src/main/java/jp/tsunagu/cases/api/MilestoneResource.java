package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.cases.domain.Milestone;
import jp.tsunagu.cases.domain.MilestoneKind;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.cases.service.MilestoneService;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Dated milestones of the person's change (Figure 2 of the booklet). */
@Path("/api/v1/cases/{id}/milestones")
@Tag(name = "milestones")
@Produces(MediaType.APPLICATION_JSON)
public class MilestoneResource {

    public record MilestoneBody(@NotNull MilestoneKind kind, @NotNull @PastOrPresent LocalDate reachedOn,
                                @Size(max = 2000) String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MilestoneView(UUID id, MilestoneKind kind, LocalDate reachedOn, String note,
                                OffsetDateTime recordedAt, String recordedBy) {
        static MilestoneView of(Milestone m, boolean sensitive) {
            return new MilestoneView(m.id, m.kind, m.reachedOn, sensitive ? m.note : null, Tokyo.offset(m.recordedAt),
                    m.recordedBy);
        }
    }

    public record Milestones(List<MilestoneView> items) {
    }

    private final MilestoneService milestones;
    private final CaseAccess access;

    MilestoneResource(MilestoneService milestones, CaseAccess access) {
        this.milestones = milestones;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Idempotent
    @Operation(summary = "Record a milestone the person reached")
    @APIResponse(responseCode = "201", description = "The milestone recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MilestoneView.class)))
    public Response recordMilestone(@PathParam("id") UUID caseId,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull MilestoneBody body) {
        Milestone milestone = new Milestone();
        milestone.kind = body.kind();
        milestone.reachedOn = body.reachedOn();
        milestone.note = body.note();
        return Response.status(Response.Status.CREATED)
                .entity(MilestoneView.of(milestones.record(caseId, milestone), true)).build();
    }

    @GET
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "Milestones, oldest first")
    public Milestones listMilestones(@PathParam("id") UUID caseId) {
        boolean sensitive = access.seesSensitive();
        return new Milestones(milestones.list(caseId).stream().map(m -> MilestoneView.of(m, sensitive)).toList());
    }
}
