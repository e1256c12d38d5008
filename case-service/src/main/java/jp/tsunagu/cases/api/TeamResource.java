package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jp.tsunagu.cases.domain.Team;
import jp.tsunagu.cases.service.TeamService;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The support team of a case (支援チーム): exactly one PRIMARY; supervisors assign it. */
@Path("/api/v1/cases/{id}/team")
@Tag(name = "team")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    public record MemberBody(@NotNull TeamMemberKind kind, @Size(max = 64) String userId,
                             @Size(max = 128) String agencyId, @NotNull TeamRole role) {
    }

    public record TeamBody(@NotNull @Size(min = 1, max = 30) List<@NotNull @Valid MemberBody> members) {
    }

    public record TeamView(long version, List<MemberBody> members) implements Versioned {
    }

    private final TeamService teams;

    TeamResource(TeamService teams) {
        this.teams = teams;
    }

    @GET
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "The support team")
    @APIResponse(responseCode = "200", description = "The support team",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    public TeamView getTeam(@PathParam("id") UUID caseId) {
        return answer(teams.get(caseId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Assign the support team (supervisors); needs If-Match with the team's version, \"0\" at first")
    @APIResponse(responseCode = "200", description = "The support team as assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    public TeamView assignTeam(@PathParam("id") UUID caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull TeamBody body) {
        long expected = Versions.required(ifMatch);
        return answer(teams.assign(caseId, expected, body.members().stream()
                .map(m -> new Team.Member(m.kind(), m.userId(), m.agencyId(), m.role())).toList()));
    }

    private static TeamView answer(TeamService.TeamState team) {
        return new TeamView(team.version(), team.members().stream()
                .map(m -> new MemberBody(m.kind, m.userId, m.agencyId, m.role)).toList());
    }
}
