package jp.tsunagu.cases.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.cases.service.CaseQuery;
import jp.tsunagu.cases.service.CaseService;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.http.MergePatch;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cases: open, list, find duplicates, read, describe. */
@Path("/api/v1/cases")
@Tag(name = "cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
public class CaseResource {

    private static final String REVIEW_DUE = "true: only open cases whose review date (nextReviewOn, set by their"
            + " latest case conference) is before today in Tokyo: a review date passed without a conference";

    private final CaseService cases;
    private final CaseAccess access;
    private final MergePatch mergePatch;

    CaseResource(CaseService cases, CaseAccess access, MergePatch mergePatch) {
        this.cases = cases;
        this.access = access;
        this.mergePatch = mergePatch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Idempotent
    @Operation(summary = "Open a case from a family consultation; answers possible duplicates as warnings")
    @APIResponse(responseCode = "201", description = "The case opened; possible duplicates in warnings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseView.class)))
    public Response openCase(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CaseRequests.OpenCase request) {
        CaseService.Opened opened = cases.open(CaseMapper.intake(request.intake()),
                CaseMapper.subject(request.subject()), CaseMapper.interests(request.subject()),
                CaseMapper.household(request.household()), Optional.empty());
        SupportCase c = opened.supportCase();
        return Response.created(URI.create("/api/v1/cases/" + c.id)).entity(CaseMapper.view(c, true, opened.warnings())).build();
    }

    @GET
    @Operation(summary = "Case summaries the caller may see, newest change first")
    public Page<CaseResponses.CaseSummary> listCases(@QueryParam("phase") Phase phase, @QueryParam("status") CaseStatus status,
                                            @QueryParam("assignedTo") String assignedTo, @QueryParam("crisis") Boolean crisis,
                                            @QueryParam("overdue") Boolean overdue,
                                            @Parameter(description = REVIEW_DUE) @QueryParam("reviewDue") Boolean reviewDue,
                                            @QueryParam("q") String text,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (assignedTo != null && !"me".equals(assignedTo)) {
            throw new InvalidRequestException("assignedTo", "only 'me' is supported");
        }
        CaseQuery query = new CaseQuery(Optional.ofNullable(phase), Optional.ofNullable(status), assignedTo != null,
                Boolean.TRUE.equals(crisis), Boolean.TRUE.equals(overdue), Boolean.TRUE.equals(reviewDue),
                Optional.ofNullable(text));
        boolean sensitive = access.seesSensitive();
        return cases.list(query, PageRequest.of(limit, cursor)).map(c -> CaseMapper.summary(c, sensitive));
    }

    @GET
    @Path("potential-duplicates")
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Cases of the center whose subject matches by kana name and birth date or year")
    public CaseResponses.Duplicates findPotentialDuplicates(@QueryParam("familyNameKana") @NotBlank String familyNameKana,
                                                    @QueryParam("givenNameKana") @NotBlank String givenNameKana,
                                                    @QueryParam("birthDate") LocalDate birthDate,
                                                    @QueryParam("birthYear") Integer birthYear) {
        return new CaseResponses.Duplicates(cases.potentialDuplicates(familyNameKana, givenNameKana,
                Optional.ofNullable(birthDate), Optional.ofNullable(birthYear)).stream().map(CaseMapper::duplicate).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The case")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseView.class)))
    public CaseResponses.CaseView getCase(@PathParam("id") UUID id) {
        return CaseMapper.view(cases.get(id), access.seesSensitive(), List.of());
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Operation(summary = "Edit the subject and household (JSON merge patch of {subject, household}); needs If-Match")
    @APIResponse(responseCode = "200", description = "The case as edited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseView.class)))
    public CaseResponses.CaseView updateCase(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @NotNull JsonNode patch) {
        long expected = Versions.required(ifMatch);
        SupportCase c = cases.describe(id, expected, current -> {
            CaseRequests.Description merged = mergePatch.apply(CaseMapper.description(current), patch,
                    CaseRequests.Description.class);
            return new CaseService.Description(CaseMapper.subject(merged.subject()), CaseMapper.interests(merged.subject()),
                    CaseMapper.household(merged.household()));
        });
        return CaseMapper.view(c, true, List.of());
    }
}
