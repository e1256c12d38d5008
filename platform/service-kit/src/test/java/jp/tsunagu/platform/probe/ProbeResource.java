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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A resource shaped like the services' ones, to test the kit through real HTTP. */
@Path("/test/probes")
@RolesAllowed({"supporter", "supervisor"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    /**
     * {@code failAfterEvent} fails inside the act; {@code failAfterCommit} fails in the resource after
     * the act committed (its answer is lost).
     */
    public record NewProbe(@NotNull UUID id, @NotBlank @Size(max = 40) String name,
                           @NotNull IntakeChannel channel, @Valid List<@NotBlank String> tags,
                           boolean failAfterEvent, boolean failAfterCommit) {
    }

    public record Rename(@NotBlank String name) {
    }

    public record ProbeView(UUID id, String name, long version) implements Versioned {
        static ProbeView of(Probe probe) {
            return new ProbeView(probe.id, probe.name, probe.version);
        }
    }

    private final ProbeService probes;

    ProbeResource(ProbeService probes) {
        this.probes = probes;
    }

    @POST
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull NewProbe request) {
        ProbeView created = ProbeView.of(probes.create(request.id(), request.name(), request.failAfterEvent()));
        if (request.failAfterCommit()) {
            throw new IllegalStateException("failing on purpose after the act committed");
        }
        return Response.created(URI.create("/test/probes/" + created.id())).entity(created).build();
    }

    /** Required parameters that are not the body: a missing one is named as the caller sends it. */
    @GET
    @Path("by-day")
    public List<ProbeView> byDay(@QueryParam("from") @NotNull java.time.LocalDate from,
                                 @HeaderParam("X-Probe-Mode") @NotNull String mode) {
        return List.of();
    }

    @GET
    @Path("{id}")
    public ProbeView get(@PathParam("id") UUID id) {
        return ProbeView.of(probes.get(id));
    }

    @PUT
    @Path("{id}")
    public ProbeView rename(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull Rename request) {
        return ProbeView.of(probes.rename(id, Versions.required(ifMatch), request.name()));
    }

    @GET
    @Path("{id}/supervision")
    public ProbeView supervise(@PathParam("id") UUID id) {
        return ProbeView.of(probes.supervise(id));
    }

    @GET
    @Path("supervised")
    @RolesAllowed("supervisor")
    public List<String> supervisorsOnly() {
        return List.of("ok");
    }
}
