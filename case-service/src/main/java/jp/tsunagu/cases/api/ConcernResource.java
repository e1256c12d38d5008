package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.cases.domain.Concern;
import jp.tsunagu.cases.domain.ConcernAction;
import jp.tsunagu.cases.domain.ConcernCategory;
import jp.tsunagu.cases.domain.ConcernKind;
import jp.tsunagu.cases.domain.ConcernStatus;
import jp.tsunagu.cases.domain.RaisedBy;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.cases.service.ConcernService;
import jp.tsunagu.platform.http.MergePatch;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.json.Expectations;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Current wishes and troubles (生活上の困りごとや希望) with who raised them, status and actions. */
@Path("/api/v1/cases/{id}/concerns")
@Tag(name = "concerns")
@Produces(MediaType.APPLICATION_JSON)
public class ConcernResource {

    public record ConcernBody(@NotNull ConcernKind kind, @NotNull ConcernCategory category, @NotNull RaisedBy raisedBy,
                              ConcernStatus status, @Size(max = 4000) String description,
                              @Size(max = 20) List<@NotNull ConcernAction> actions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConcernView(UUID id, long version, ConcernKind kind, ConcernCategory category, RaisedBy raisedBy,
                              ConcernStatus status, String description, List<ConcernAction> actions,
                              OffsetDateTime raisedAt, OffsetDateTime updatedAt) implements Versioned {
        static ConcernView of(Concern c, boolean sensitive) {
            return new ConcernView(c.id, c.version, c.kind, c.category, c.raisedBy, c.status,
                    sensitive ? c.description : null, c.actions, Tokyo.offset(c.raisedAt), Tokyo.offset(c.updatedAt));
        }
    }

    public record Concerns(List<ConcernView> items) {
    }

    private final ConcernService concerns;
    private final CaseAccess access;
    private final MergePatch mergePatch;

    ConcernResource(ConcernService concerns, CaseAccess access, MergePatch mergePatch) {
        this.concerns = concerns;
        this.access = access;
        this.mergePatch = mergePatch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Idempotent
    @Operation(summary = "Record a current wish or trouble")
    @APIResponse(responseCode = "201", description = "The wish or trouble recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernView.class)))
    public Response raiseConcern(@PathParam("id") UUID caseId,
                          @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ConcernBody body) {
        Concern concern = new Concern();
        apply(concern, body);
        return Response.status(Response.Status.CREATED).entity(ConcernView.of(concerns.raise(caseId, concern), true)).build();
    }

    @PATCH
    @Path("{concernId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Change a wish or trouble (merge patch): status, actions...; needs If-Match")
    @APIResponse(responseCode = "200", description = "The wish or trouble as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernView.class)))
    public ConcernView updateConcern(@PathParam("id") UUID caseId, @PathParam("concernId") UUID concernId,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        long expected = Versions.required(ifMatch);
        Concern updated = concerns.update(caseId, concernId, expected, current -> {
            ConcernBody merged = mergePatch.apply(new ConcernBody(current.kind, current.category, current.raisedBy,
                    current.status, current.description, current.actions), patch, ConcernBody.class);
            if (merged.status() == null) {
                // optional when raising (it starts OPEN), but a raised concern always has one
                throw new InvalidRequestException("status", "must be " + Expectations.of(ConcernStatus.class));
            }
            apply(current, merged);
        });
        return ConcernView.of(updated, true);
    }

    @GET
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "Wishes and troubles, latest first")
    public Concerns listConcerns(@PathParam("id") UUID caseId) {
        boolean sensitive = access.seesSensitive();
        return new Concerns(concerns.list(caseId).stream().map(c -> ConcernView.of(c, sensitive)).toList());
    }

    private static void apply(Concern concern, ConcernBody body) {
        concern.kind = body.kind();
        concern.category = body.category();
        concern.raisedBy = body.raisedBy();
        concern.status = body.status();
        concern.description = body.description();
        concern.actions = body.actions() == null ? List.of() : List.copyOf(body.actions());
    }
}
