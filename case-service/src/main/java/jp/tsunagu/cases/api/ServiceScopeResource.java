package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.cases.service.TeamService;
import jp.tsunagu.events.cases.CaseAccessScope;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * For the other Tsunagu services only (role {@code service}): the scope of a case they have not
 * heard of yet through case-events: center, phase, status and team; no case content. The body is
 * the contract {@link CaseAccessScope} of platform/events.
 */
@Path("/api/v1/cases/{id}/access-scope")
@Tag(name = "service-to-service")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class ServiceScopeResource {

    private final TeamService teams;

    ServiceScopeResource(TeamService teams) {
        this.teams = teams;
    }

    @GET
    @Operation(summary = "Center, phase, status and team of a case (service accounts only)")
    public CaseAccessScope getServiceScope(@PathParam("id") UUID caseId) {
        TeamService.ServiceScope s = teams.forService(caseId);
        return new CaseAccessScope(s.supportCase().id, s.supportCase().centerId, s.supportCase().phase,
                s.supportCase().status, s.members().stream().map(m -> new TeamMember(m.kind, m.userId, m.agencyId, m.role)).toList());
    }
}
