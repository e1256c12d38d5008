package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
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
import jp.tsunagu.cases.domain.Crisis;
import jp.tsunagu.cases.domain.CrisisContact;
import jp.tsunagu.cases.domain.CrisisPlan;
import jp.tsunagu.cases.service.CrisisService;
import jp.tsunagu.events.cases.CrisisAction;
import jp.tsunagu.events.cases.CrisisFactor;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The crisis plan told to the family in advance, and crises that happened (which raise the alert). Not for peers. */
@Path("/api/v1/cases/{id}")
@Tag(name = "crisis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
public class CrisisResource {

    public record ContactBody(@Size(max = 128) String agencyId, @NotBlank @Size(max = 200) String name,
                              @NotBlank @Pattern(regexp = "^[0-9+\\-() ]{3,30}$", message = "must be a phone number") String phone,
                              @Size(max = 500) String when) {
    }

    public record CrisisPlanBody(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ContactBody> contacts,
                                 @NotBlank @Size(max = 8000) String instructions, @PastOrPresent LocalDate sharedWithFamilyOn) {
    }

    public record CrisisPlanView(long version, List<ContactBody> contacts, String instructions,
                                 LocalDate sharedWithFamilyOn, OffsetDateTime updatedAt, String updatedBy)
            implements Versioned {
        static CrisisPlanView of(CrisisPlan p) {
            return new CrisisPlanView(p.version, p.contacts.stream()
                    .map(c -> new ContactBody(c.agencyId(), c.name(), c.phone(), c.when())).toList(),
                    p.instructions, p.sharedWithFamilyOn, Tokyo.offset(p.updatedAt), p.updatedBy);
        }
    }

    public record CrisisBody(@NotNull @PastOrPresent OffsetDateTime occurredAt, @NotEmpty Set<@NotNull CrisisFactor> kinds,
                             @Size(max = 8000) String description, @NotNull Set<@NotNull CrisisAction> actions) {
    }

    public record CrisisView(UUID id, OffsetDateTime occurredAt, Set<CrisisFactor> kinds, String description,
                             Set<CrisisAction> actions, OffsetDateTime reportedAt, String reportedBy) {
        static CrisisView of(Crisis c) {
            return new CrisisView(c.id, Tokyo.offset(c.occurredAt), c.kinds, c.description, c.actions,
                    Tokyo.offset(c.reportedAt), c.reportedBy);
        }
    }

    public record Crises(List<CrisisView> items) {
    }

    private final CrisisService crises;

    CrisisResource(CrisisService crises) {
        this.crises = crises;
    }

    @PUT
    @Path("crisis-plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace the crisis plan", description = Versions.CREATING_PUT)
    @APIResponse(responseCode = "201", description = "The crisis plan created by this first PUT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrisisPlanView.class)))
    @APIResponse(responseCode = "200", description = "The crisis plan as set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrisisPlanView.class)))
    public Response setCrisisPlan(@PathParam("id") UUID caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Valid @NotNull CrisisPlanBody body) {
        Versions.Written<CrisisPlan> written = crises.setPlan(caseId, Versions.precondition(ifMatch, ifNoneMatch),
                body.contacts().stream().map(c -> new CrisisContact(c.agencyId(), c.name(), c.phone(), c.when())).toList(),
                body.instructions(), body.sharedWithFamilyOn());
        return Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(CrisisPlanView.of(written.value())).build();
    }

    @GET
    @Path("crisis-plan")
    @Operation(summary = "The crisis plan")
    @APIResponse(responseCode = "200", description = "The crisis plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrisisPlanView.class)))
    public CrisisPlanView getCrisisPlan(@PathParam("id") UUID caseId) {
        return CrisisPlanView.of(crises.plan(caseId));
    }

    @POST
    @Path("crises")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Report a crisis that happened; raises the crisis alert at once")
    @APIResponse(responseCode = "201", description = "The crisis reported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrisisView.class)))
    public Response reportCrisis(@PathParam("id") UUID caseId,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CrisisBody body) {
        Crisis crisis = new Crisis();
        crisis.occurredAt = body.occurredAt().toInstant();
        crisis.kinds = Set.copyOf(body.kinds());
        crisis.description = body.description();
        crisis.actions = Set.copyOf(body.actions());
        return Response.status(Response.Status.CREATED).entity(CrisisView.of(crises.report(caseId, crisis))).build();
    }

    @GET
    @Path("crises")
    @Operation(summary = "Crises of the case, latest first")
    public Crises listCrises(@PathParam("id") UUID caseId) {
        return new Crises(crises.crises(caseId).stream().map(CrisisView::of).toList());
    }
}
