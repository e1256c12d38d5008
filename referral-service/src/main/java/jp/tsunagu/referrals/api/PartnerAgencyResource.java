package jp.tsunagu.referrals.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.service.AgencyQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner API: the calling agency's own directory entry, as the centers see it, without their notes. */
@Path("/api/v1/partner/agency")
@Tag(name = "partner", description = "For an agency's own system, with its client-credentials token (role partner-agency)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_AGENCY)
public class PartnerAgencyResource {

    private final AgencyQueries queries;

    PartnerAgencyResource(AgencyQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Your agency's directory entry: services, contact, capacity, and whether a webhook secret is set",
            description = "The agency is the agency_id claim of your token; 404 while the directory has no entry for it.")
    public Response getPartnerAgency() {
        AgencyEntry entry = queries.own();
        return Response.ok(AgencyMapper.view(entry, false, true)).build();
    }
}
