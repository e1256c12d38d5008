package jp.tsunagu.platform.probe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A resource shaped like the services' ones, to test the kit through real HTTP. */
@Path("/test/probes")
@RolesAllowed({"supporter", "supervisor"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record NewProbe(@NotNull UUID id, @NotBlank @Size(max = 20) String name,
                           @NotNull IntakeChannel channel, @Valid List<@NotBlank String> tags,
                           boolean failAfterEvent) {
    }

    public record Rename(@NotBlank String name) {
    }

    public record ProbeView(UUID id, String name, long version) implements Identified {
        static ProbeView of(Probe probe) {
            return new ProbeView(probe.id, probe.name, probe.version);
        }
    }

    private final ProbeService probes;
    private final Idempotency idempotency;

    ProbeResource(ProbeService probes, Idempotency idempotency) {
        this.probes = probes;
        this.idempotency = idempotency;
    }

    @POST
    @Audited(action = "probe.create", objectType = "probe")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull NewProbe request) {
        return idempotency.once(key, request, () -> {
            ProbeView created = ProbeView.of(probes.create(request.id(), request.name(), request.failAfterEvent()));
            return Response.created(URI.create("/test/probes/" + created.id())).entity(created)
                    .header(HttpHeaders.ETAG, Versions.etag(created.version())).build();
        });
    }

    @GET
    @Path("{id}")
    @Audited(action = "probe.read", objectType = "probe")
    public Response get(@AuditObjectId @PathParam("id") UUID id) {
        ProbeView probe = ProbeView.of(probes.get(id));
        return Response.ok(probe).header(HttpHeaders.ETAG, Versions.etag(probe.version())).build();
    }

    @PUT
    @Path("{id}")
    @Audited(action = "probe.update", objectType = "probe")
    public Response rename(@AuditObjectId @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull Rename request) {
        long expected = Versions.required(ifMatch);
        ProbeView probe = ProbeView.of(probes.rename(id, expected, request.name()));
        return Response.ok(probe).header(HttpHeaders.ETAG, Versions.etag(probe.version())).build();
    }

    @GET
    @Path("supervised")
    @RolesAllowed("supervisor")
    public List<String> supervisorsOnly() {
        return List.of("ok");
    }
}
