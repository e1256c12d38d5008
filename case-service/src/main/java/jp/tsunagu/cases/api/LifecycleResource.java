package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.service.LifecycleService;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The end of home visits, closure (終結, supervisors) and reopening; each answers the case. */
@Path("/api/v1/cases/{id}")
@Tag(name = "lifecycle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    public record HomeVisitEndBody(@NotNull HomeVisitEndReason reason, @PastOrPresent LocalDate endedOn,
                                   @Size(max = 2000) String note) {
    }

    public record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    private final LifecycleService lifecycle;

    LifecycleResource(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @POST
    @Path("home-visit-end")
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Home visits end; the phase becomes FOLLOW_UP")
    @APIResponse(responseCode = "200", description = "The case, in FOLLOW_UP",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseView.class)))
    public CaseResponses.CaseView endHomeVisits(@PathParam("id") UUID caseId, @Valid @NotNull HomeVisitEndBody body) {
        LocalDate on = body.endedOn() != null ? body.endedOn() : Tokyo.today();
        return answer(lifecycle.endHomeVisits(caseId, body.reason(), on, body.note()));
    }

    @POST
    @Path("closure")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Close the case (supervisors), with a reason")
    @APIResponse(responseCode = "200", description = "The closed case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseView.class)))
    public CaseResponses.CaseView closeCase(@PathParam("id") UUID caseId, @Valid @NotNull ReasonBody body) {
        return answer(lifecycle.close(caseId, body.reason()));
    }

    @POST
    @Path("reopening")
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Reopen a closed case, with a reason")
    @APIResponse(responseCode = "200", description = "The reopened case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseView.class)))
    public CaseResponses.CaseView reopenCase(@PathParam("id") UUID caseId, @Valid @NotNull ReasonBody body) {
        return answer(lifecycle.reopen(caseId, body.reason()));
    }

    private static CaseResponses.CaseView answer(SupportCase c) {
        return CaseMapper.view(c, true, List.of());
    }
}
