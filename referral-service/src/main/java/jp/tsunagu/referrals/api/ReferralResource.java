package jp.tsunagu.referrals.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.referrals.domain.ReferralDirection;
import jp.tsunagu.referrals.domain.ReferralOutcome;
import jp.tsunagu.referrals.service.ReferralQueries;
import jp.tsunagu.referrals.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The center's referrals (つなぎ): out of its cases to partner agencies, and inbound from agencies.
 * Supporters on the case's team and supervisors of its center refer, cancel, note and enter the
 * agency's answers given by phone or fax; any move the referral's state does not allow is 409 with
 * the allowed moves.
 */
@Path("/api/v1/referrals")
@Tag(name = "referrals", description = "Referrals of the center's cases to partner agencies, and inbound referrals from them")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
public class ReferralResource {

    private final ReferralService referrals;
    private final ReferralQueries queries;
    private final Clock clock;

    ReferralResource(ReferralService referrals, ReferralQueries queries, Clock clock) {
        this.referrals = referrals;
        this.queries = queries;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Refer a case to an agency (REQUESTED, or a DRAFT with draft: true)",
            description = "legalBasis CONSENT needs consentId, a consent of the case valid today for this agency and purpose"
                    + " (422 otherwise); VITAL_INTEREST needs a justification. respondBy defaults by urgency.")
    public Response createReferral(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ReferralBodies.ReferralBody body) {
        ReferralService.ReferralRecord made = referrals.create(body.caseId(), body.agencyId(), ReferralMapper.terms(body));
        return Response.created(URI.create("/api/v1/referrals/" + made.referral().id)).entity(view(made)).build();
    }

    @GET
    @Operation(summary = "The center's referrals the caller may see, newest first: filters caseId, status, agencyId, overdue,"
            + " direction, legalBasis (legalBasis=VITAL_INTEREST: those made without consent, for supervisors to review)")
    public Page<ReferralBodies.ReferralView> listReferrals(@QueryParam("caseId") UUID caseId, @QueryParam("status") ReferralStatus status,
                                                  @QueryParam("agencyId") String agencyId, @QueryParam("overdue") Boolean overdue,
                                                  @QueryParam("direction") ReferralDirection direction,
                                                  @QueryParam("legalBasis") LegalBasis legalBasis,
                                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        ReferralQueries.Filter filter = new ReferralQueries.Filter(Optional.ofNullable(caseId), Optional.ofNullable(status),
                Optional.ofNullable(agencyId), Boolean.TRUE.equals(overdue), Optional.ofNullable(direction),
                Optional.ofNullable(legalBasis));
        return queries.list(filter, PageRequest.of(limit, cursor))
                .map(r -> ReferralMapper.view(r, List.of(), clock.instant(), false));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The referral with its whole story")
    public ReferralBodies.ReferralView getReferral(@PathParam("id") UUID id) {
        return view(referrals.get(id));
    }

    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel the referral (before it is closed); a reason is required")
    public ReferralBodies.ReferralView cancelReferral(@PathParam("id") UUID id, @Valid @NotNull ReferralBodies.CancellationBody body) {
        return view(referrals.move(id, new ReferralService.Move(ReferralStatus.CANCELLED, ReferralMapper.reason(body.reason()),
                Optional.empty(), Optional.ofNullable(body.note()))));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The center moves its referral: REQUESTED (send a draft), CANCELLED, ENTERED_IN_ERROR;"
            + " on an inbound referral, the center answers it (ACCEPTED, REJECTED...)",
            description = "Any other move is 409 and the problem lists allowedMoves.")
    public ReferralBodies.ReferralView moveReferral(@PathParam("id") UUID id, @Valid @NotNull ReferralBodies.MoveBody body) {
        return view(referrals.move(id, move(body.status(), body.reason(), body.outcome(), body.note())));
    }

    @POST
    @Path("{id}/agency-answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter the agency's answer given by phone or fax (the same moves as the partner API's);"
            + " the history shows who entered it and how it came")
    public ReferralBodies.ReferralView enterAgencyAnswer(@PathParam("id") UUID id, @Valid @NotNull ReferralBodies.AgencyAnswerBody body) {
        return view(referrals.recordAgencyAnswer(id, body.channel(),
                move(body.status(), body.reason(), body.outcome(), body.note())));
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A note for the agency (it sees the notes of both sides)")
    public ReferralBodies.ReferralView addReferralNote(@PathParam("id") UUID id, @Valid @NotNull ReferralBodies.NoteBody body) {
        return view(referrals.addNote(id, body.text()));
    }

    static ReferralService.Move move(ReferralStatus to, ReferralBodies.ReasonBody reason,
                                     ReferralOutcome outcome, String note) {
        return new ReferralService.Move(to, ReferralMapper.reason(reason), Optional.ofNullable(outcome), Optional.ofNullable(note));
    }

    private ReferralBodies.ReferralView view(ReferralService.ReferralRecord record) {
        return ReferralMapper.view(record.referral(), record.steps(), clock.instant(), true);
    }
}
