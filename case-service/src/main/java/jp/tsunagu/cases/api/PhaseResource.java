package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import jp.tsunagu.cases.domain.PhaseTransition;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.cases.service.PhaseService;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
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

/** Moves between the seven phases (stepping back allowed and recorded), and their history. */
@Path("/api/v1/cases/{id}/phase-transitions")
@Tag(name = "phases")
@Produces(MediaType.APPLICATION_JSON)
public class PhaseResource {

    public record TransitionBody(@NotNull Phase to, @NotBlank @Size(max = 2000) String reason) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record TransitionView(UUID id, Phase from, Phase to, boolean steppedBack, String reason,
                                 OffsetDateTime transitionedAt, String transitionedBy) {
        static TransitionView of(PhaseTransition t, boolean sensitive) {
            return new TransitionView(t.id, t.fromPhase, t.toPhase, t.steppedBack, sensitive ? t.reason : null,
                    Tokyo.offset(t.transitionedAt), t.transitionedBy);
        }
    }

    public record Transitions(List<TransitionView> items) {
    }

    private final PhaseService phases;
    private final CaseAccess access;

    PhaseResource(PhaseService phases, CaseAccess access) {
        this.phases = phases;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Idempotent
    @Operation(summary = "Move the case to another phase, with a reason")
    @APIResponse(responseCode = "201", description = "The transition recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitionView.class)))
    public Response changePhase(@PathParam("id") UUID caseId,
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull TransitionBody body) {
        return Response.status(Response.Status.CREATED)
                .entity(TransitionView.of(phases.move(caseId, body.to(), body.reason().strip()), true)).build();
    }

    @GET
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "The phase history, oldest first")
    public Transitions listPhaseTransitions(@PathParam("id") UUID caseId) {
        boolean sensitive = access.seesSensitive();
        return new Transitions(phases.history(caseId).stream().map(t -> TransitionView.of(t, sensitive)).toList());
    }
}
