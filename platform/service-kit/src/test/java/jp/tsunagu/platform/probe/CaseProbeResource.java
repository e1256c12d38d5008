package jp.tsunagu.platform.probe;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** Endpoints under a case's path (a probe's), for supervisors only: what a refusal by role names. */
@Path("/test/cases/{id}")
@RolesAllowed("supervisor")
@Produces(MediaType.APPLICATION_JSON)
public class CaseProbeResource {

    @GET
    public List<String> read(@PathParam("id") UUID id) {
        return List.of("ok");
    }

    @POST
    @Path("closure")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> close(@PathParam("id") UUID id, JsonNode reason) {
        return List.of("closed");
    }
}
