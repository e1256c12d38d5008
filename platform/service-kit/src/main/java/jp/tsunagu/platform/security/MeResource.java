package jp.tsunagu.platform.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** {@code GET /api/v1/me}: who the token says the caller is; every service answers it. */
@Path("/api/v1/me")
@Authenticated
@Tag(name = "me")
public class MeResource {

    /** The caller as frontends need it; roles sorted for a stable answer. */
    public record Me(String userId, String username, List<String> roles, String centerId, String agencyId) {
    }

    private final CallerScope caller;

    MeResource(CallerScope caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller: user id, username, roles, center or agency")
    public Me whoAmI() {
        return new Me(caller.userId(), caller.username(), caller.roles().stream().sorted().toList(),
                caller.centerId().orElse(null), caller.agencyId().orElse(null));
    }
}
