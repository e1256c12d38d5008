package jp.tsunagu.notifications.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.notifications.api.PreferencesBodies.PreferencesBody;
import jp.tsunagu.notifications.api.PreferencesBodies.PreferencesView;
import jp.tsunagu.notifications.service.PreferencesService;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own notification preferences: e-mail per kind, quiet hours and a daily digest
 * (Tokyo time). Crisis alerts are always e-mailed at once, whatever is set here.
 */
@Path("/api/v1/preferences")
@Tag(name = "preferences", description = "The caller's notification preferences: e-mail per kind, quiet hours, daily digest")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER, Roles.ADMIN})
public class PreferencesResource {

    private final PreferencesService preferences;

    PreferencesResource(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GET
    @Operation(summary = "The caller's notification preferences; the defaults at version 0 until set"
            + " (every kind e-mailed at once, no quiet hours, no digest)")
    public PreferencesView getPreferences() {
        return PreferencesView.of(preferences.mine());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the caller's notification preferences as a whole",
            description = Versions.CREATING_PUT + " Crisis alerts are e-mailed at once whatever is set: their e-mail"
                    + " cannot be turned off, and neither quiet hours nor the digest hold them.")
    @APIResponse(responseCode = "201", description = "The caller's preferences, set for the first time",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class)))
    @APIResponse(responseCode = "200", description = "The caller's preferences as set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class)))
    public Response setPreferences(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                            @Valid @NotNull PreferencesBody body) {
        PreferencesService.Saved saved = preferences.replace(Versions.precondition(ifMatch, ifNoneMatch), body.settings());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PreferencesView.of(saved.current())).build();
    }
}
