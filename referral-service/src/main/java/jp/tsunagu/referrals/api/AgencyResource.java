package jp.tsunagu.referrals.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.platform.http.MergePatch;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.security.DirectoryAccess;
import jp.tsunagu.referrals.service.AgencyDirectory;
import jp.tsunagu.referrals.service.AgencyQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;

/**
 * The partner-agency directory (関係機関の名簿), after Open Referral HSDS: every center's staff
 * read it; administrators manage it and the agencies' webhooks. Webhook secrets are write-only.
 */
@Path("/api/v1/agencies")
@Tag(name = "agencies", description = "The partner-agency directory: center staff read it, admin manages it and the webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AgencyResource {

    private final AgencyDirectory directory;
    private final AgencyQueries queries;
    private final DirectoryAccess access;
    private final MergePatch mergePatch;

    AgencyResource(AgencyDirectory directory, AgencyQueries queries, DirectoryAccess access, MergePatch mergePatch) {
        this.directory = directory;
        this.queries = queries;
        this.access = access;
        this.mergePatch = mergePatch;
    }

    @GET
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER, Roles.CENTER_SYSTEM, Roles.ADMIN})
    @Operation(summary = "Agencies in the order of their ids: filters kind, municipality (the agency's own or one it serves),"
            + " acceptingReferrals")
    public Page<AgencyBodies.AgencyView> listAgencies(@QueryParam("kind") AgencyKind kind,
                                              @QueryParam("municipality") String municipality,
                                              @QueryParam("acceptingReferrals") Boolean acceptingReferrals,
                                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        AgencyQueries.Filter filter = new AgencyQueries.Filter(Optional.ofNullable(kind), Optional.ofNullable(municipality),
                Optional.ofNullable(acceptingReferrals));
        return queries.list(filter, PageRequest.of(limit, cursor)).map(this::view);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER, Roles.CENTER_SYSTEM, Roles.ADMIN})
    @Operation(summary = "The agency's entry")
    public Response getAgency(@PathParam("id") String id) {
        return answer(Response.ok(), queries.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Add an agency (admin); its id is the agency_id claim of its Keycloak client",
            description = "A webhook secret may be given (whsec_ + base64 of 24-64 random bytes); it is never answered:"
                    + " responses say only whether one is set and when it was set.")
    public Response addAgency(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull AgencyBodies.AgencyBody body) {
        AgencyEntry created = directory.create(AgencyMapper.draft(body, false));
        return answer(Response.created(URI.create("/api/v1/agencies/" + created.agency().id)), created);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Change an agency (admin; JSON merge patch); needs If-Match",
            description = "services: an item with the id of an existing service changes it, one without id adds a service,"
                    + " services left out are removed. webhook: null removes the webhook and its secret;"
                    + " webhook.secret sets a new secret, \"secret\": null clears it, absent keeps it.")
    public Response updateAgency(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull JsonNode patch) {
        long expected = Versions.required(ifMatch);
        JsonNode webhookPatch = patch.path("webhook");
        boolean clearSecret = webhookPatch.isObject() && webhookPatch.has("secret") && webhookPatch.get("secret").isNull();
        AgencyEntry updated = directory.update(id, expected, current -> AgencyMapper.draft(
                mergePatch.apply(AgencyMapper.body(current), patch, AgencyBodies.AgencyBody.class), clearSecret));
        return answer(Response.ok(), updated);
    }

    @POST
    @Path("{id}/webhook/secret-rotation")
    @Operation(summary = "Make a new webhook secret (admin); it is answered this once and never again",
            description = "No Idempotency-Key: a retry makes another secret (the one answered last is the one in force)."
                    + " The agency must have a webhook URL (409 otherwise).")
    public Response rotateWebhookSecret(@PathParam("id") String id) {
        AgencyDirectory.Rotation rotation = directory.rotateSecret(id);
        AgencyEntry entry = rotation.entry();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new AgencyBodies.SecretRotation(entry.agency().id, rotation.secret().reveal(),
                        Tokyo.offset(entry.agency().webhookSecretRotatedAt), entry.agency().version))
                .cacheControl(noStore).build();
    }

    private Response answer(Response.ResponseBuilder response, AgencyEntry entry) {
        return response.entity(view(entry)).build();
    }

    private AgencyBodies.AgencyView view(AgencyEntry entry) {
        return AgencyMapper.view(entry, access.seesNotes(), access.seesWebhook());
    }
}
