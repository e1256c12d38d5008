package jp.tsunagu.platform.probe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** A visit's path, outside its case's (a probe's), for supervisors only: what a refusal by role names. */
@Path("/test/visits/{id}")
@RolesAllowed("supervisor")
@Produces(MediaType.APPLICATION_JSON)
public class VisitProbeResource {

    @GET
    public List<String> read(@PathParam("id") UUID id) {
        return List.of("ok");
    }

    @GET
    @Path("revisions")
    public List<String> revisions(@PathParam("id") UUID id) {
        return List.of("ok");
    }
}
