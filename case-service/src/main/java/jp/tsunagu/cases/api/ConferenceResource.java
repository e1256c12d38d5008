package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.cases.domain.Conference;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.cases.service.ConferenceService;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Case conferences (事例検討会): who attended, the subject's and the family's needs apart, what was
 * decided, when to review again, and optionally the plan revision it produced. Peers read them
 * without the needs and decisions.
 */
@Path("/api/v1/cases/{id}/conferences")
@Tag(name = "conferences")
@Produces(MediaType.APPLICATION_JSON)
public class ConferenceResource {

    /** An agency id as the directory and the events know them. */
    static final String AGENCY_ID = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$";

    public record Attendees(@Schema(description = "Staff of the center who attended (user ids); each must be a"
                                    + " supporter or supervisor of the case's center")
                            @NotNull @Size(min = 1, max = 50) List<@NotNull @Size(max = 64) String> userIds,
                            @Schema(description = "The partner agencies that attended")
                            @Size(max = 30) List<@NotNull @Pattern(regexp = AGENCY_ID, message = "must be an agency id")
                                    String> agencyIds) {
    }

    public record ConferenceBody(@Schema(description = "The day it was held (Tokyo); not in the future")
                                 @NotNull LocalDate heldOn,
                                 @NotNull @Valid Attendees attendees,
                                 @Size(max = 4000) String subjectNeeds, @Size(max = 4000) String familyNeeds,
                                 @Size(max = 4000) String decisions,
                                 @Schema(description = "When to review the case again; after heldOn")
                                 LocalDate nextReviewOn,
                                 @Schema(description = "A new revision of the support plan the conference decided"
                                         + " (the body of PUT /cases/{id}/plan), written with it")
                                 @Valid PlanResource.PlanBody plan) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConferenceView(UUID id, UUID caseId, LocalDate heldOn, Attendees attendees, String subjectNeeds,
                                 String familyNeeds, String decisions, LocalDate nextReviewOn,
                                 @Schema(description = "The plan revision it produced; absent when none")
                                 Integer planRevision,
                                 OffsetDateTime recordedAt, String recordedBy) {
        static ConferenceView of(Conference c, boolean sensitive) {
            return new ConferenceView(c.id, c.caseId, c.heldOn, new Attendees(c.attendeeUserIds, c.attendeeAgencyIds),
                    sensitive ? c.subjectNeeds : null, sensitive ? c.familyNeeds : null, sensitive ? c.decisions : null,
                    c.nextReviewOn, c.planRevision, Tokyo.offset(c.recordedAt), c.recordedBy);
        }
    }

    public record Conferences(List<ConferenceView> items) {
    }

    private final ConferenceService conferences;
    private final CaseAccess access;

    ConferenceResource(ConferenceService conferences, CaseAccess access) {
        this.conferences = conferences;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
    @Idempotent
    @Operation(summary = "Record a case conference; with a plan, it writes the plan's next revision too")
    @APIResponse(responseCode = "201", description = "The conference recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConferenceView.class)))
    public Response recordConference(@PathParam("id") UUID caseId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ConferenceBody body) {
        Attendees attendees = body.attendees();
        Conference.Minutes minutes = new Conference.Minutes(body.heldOn(), attendees.userIds(),
                attendees.agencyIds() == null ? List.of() : attendees.agencyIds(), body.subjectNeeds(),
                body.familyNeeds(), body.decisions(), body.nextReviewOn());
        Conference held = conferences.record(caseId, minutes, Optional.ofNullable(body.plan()).map(PlanResource::revision));
        return Response.created(URI.create("/api/v1/cases/" + caseId + "/conferences/" + held.id))
                .entity(ConferenceView.of(held, true)).build();
    }

    @GET
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "The case's conferences, the latest held first (peers: without needs and decisions)")
    public Conferences listConferences(@PathParam("id") UUID caseId) {
        boolean sensitive = access.seesSensitive();
        return new Conferences(conferences.list(caseId).stream().map(c -> ConferenceView.of(c, sensitive)).toList());
    }

    @GET
    @Path("{conferenceId}")
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "One conference (peers: without needs and decisions)")
    @APIResponse(responseCode = "200", description = "The conference",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConferenceView.class)))
    public ConferenceView getConference(@PathParam("id") UUID caseId, @PathParam("conferenceId") UUID conferenceId) {
        return ConferenceView.of(conferences.get(caseId, conferenceId), access.seesSensitive());
    }
}
