package jp.tsunagu.visits.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.events.visits.VisitStatus;
import jp.tsunagu.platform.http.MergePatch;
import jp.tsunagu.platform.http.RequestHash;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.paging.ChangeToken;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.visits.domain.Visit;
import jp.tsunagu.visits.security.VisitAccess;
import jp.tsunagu.visits.service.VisitQueries;
import jp.tsunagu.visits.service.VisitService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Visits, recorded or scheduled. A client-made {@code id} makes recording safe to retry offline:
 * the same id and body answer the visit already recorded (200), another body with it is 409.
 */
@Path("/api/v1/visits")
@Tag(name = "visits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
public class VisitResource {

    private final VisitService visits;
    private final VisitQueries queries;
    private final VisitAccess access;
    private final MergePatch mergePatch;
    private final ObjectMapper json;

    VisitResource(VisitService visits, VisitQueries queries, VisitAccess access, MergePatch mergePatch, ObjectMapper json) {
        this.visits = visits;
        this.queries = queries;
        this.access = access;
        this.mergePatch = mergePatch;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Record or schedule a visit; an Idempotency-Key or a client-made id makes it safe to send again")
    @APIResponse(responseCode = "201", description = "The visit recorded or scheduled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitBodies.VisitView.class)))
    @APIResponse(responseCode = "200", description = "The same client-made id and body again: the visit as it was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitBodies.VisitView.class)))
    @APIResponse(responseCode = "404", description = "The case is not found or not visible to the caller, or the client-made id is another center's")
    public Response recordVisit(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull VisitBodies.VisitBody body) {
        Visit visit = new Visit();
        visit.id = VisitMapper.idOf(body);
        visit.caseId = body.caseId();
        VisitMapper.fill(visit, body);
        visit.requestHash = RequestHash.of(json, "POST /visits", body);
        VisitService.Recorded recorded = visits.record(visit);
        Visit saved = recorded.visit();
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/api/v1/visits/" + saved.id))
                .entity(VisitMapper.view(saved, access.seesNotesOf(saved))).build();
    }

    @GET
    @Operation(summary = "Visits the caller may see, latest first: filters caseId, visitor=me, from, to, status")
    public Page<VisitBodies.VisitView> listVisits(@QueryParam("caseId") UUID caseId, @QueryParam("visitor") String visitor,
                                            @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
                                            @QueryParam("status") VisitStatus status, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor) {
        if (visitor != null && !"me".equals(visitor)) {
            throw new InvalidRequestException("visitor", "only 'me' is supported");
        }
        VisitQueries.Filter filter = new VisitQueries.Filter(Optional.ofNullable(caseId), visitor != null,
                Optional.ofNullable(from).map(OffsetDateTime::toInstant), Optional.ofNullable(to).map(OffsetDateTime::toInstant),
                Optional.ofNullable(status));
        return queries.list(filter, PageRequest.of(limit, cursor)).map(v -> VisitMapper.view(v, access.seesNotesOf(v)));
    }

    @GET
    @Path("changes")
    @Operation(summary = "Visits the caller may see that changed since the token, and tombstones of visits no longer visible")
    public VisitBodies.ChangesPage listVisitChanges(@QueryParam("since") String since, @QueryParam("limit") Integer limit) {
        VisitQueries.Changes changes = queries.changes(ChangeToken.since(since), PageRequest.of(limit, null).limit());
        return new VisitBodies.ChangesPage(changes.changes().stream().map(c -> c.visible()
                        .map(v -> new VisitBodies.ChangeItem(v.id, null, VisitMapper.view(v, access.seesNotesOf(v))))
                        .orElseGet(() -> new VisitBodies.ChangeItem(c.visitId(), true, null))).toList(),
                ChangeToken.of(changes.until()), changes.more());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The visit")
    @APIResponse(responseCode = "200", description = "The visit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitBodies.VisitView.class)))
    public VisitBodies.VisitView getVisit(@PathParam("id") UUID id) {
        Visit visit = visits.get(id);
        return VisitMapper.view(visit, access.seesNotesOf(visit));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Correct a visit (JSON merge patch); needs If-Match; the earlier version stays readable")
    @APIResponse(responseCode = "200", description = "The visit as corrected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitBodies.VisitView.class)))
    public VisitBodies.VisitView correctVisit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @NotNull JsonNode patch) {
        long expected = Versions.required(ifMatch);
        Visit corrected = visits.correct(id, expected, current -> {
            VisitBodies.VisitBody merged = mergePatch.apply(VisitMapper.body(current), patch, VisitBodies.VisitBody.class);
            if (!current.id.equals(merged.id()) || !current.caseId.equals(merged.caseId())) {
                throw new InvalidRequestException("caseId", "a visit stays with its id and case");
            }
            VisitMapper.fill(current, merged);
        });
        return VisitMapper.view(corrected, access.seesNotesOf(corrected));
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "Every earlier version of the visit, oldest first, and the current one")
    public VisitBodies.Revisions listVisitRevisions(@PathParam("id") UUID id) {
        VisitService.History history = visits.revisions(id);
        Visit current = history.current();
        return new VisitBodies.Revisions(history.earlier().stream().map(r -> new VisitBodies.Revision(r.key.version(),
                        Tokyo.offset(r.revisedAt), r.revisedBy,
                        VisitMapper.view(r.snapshot, access.isStaff() || r.snapshot.hasVisitor(access.caller().userId()))))
                .toList(), VisitMapper.view(current, access.seesNotesOf(current)));
    }
}
