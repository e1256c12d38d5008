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
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.referrals.domain.InboundDetails;
import jp.tsunagu.referrals.domain.ReferralDirection;
import jp.tsunagu.referrals.service.PartnerReferrals;
import jp.tsunagu.referrals.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Partner API: referrals for an agency's own system, with its client-credentials token (role
 * partner-agency, claim agency_id). The agency sees the referrals a center sent it and those it
 * sent a center, only what was shared, until 30 days after they closed; it answers, notes, follows
 * the changes, and refers households to a center.
 */
@Path("/api/v1/partner/referrals")
@Tag(name = "partner", description = "For an agency's own system, with its client-credentials token (role partner-agency)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_AGENCY)
public class PartnerReferralResource {

    private static final String SEEN = " You see a referral once it is sent (never a draft) until 30 days after it closed"
            + " (REJECTED, CANCELLED, COMPLETED, FAILED, ENTERED_IN_ERROR); any other id answers 404.";

    private final PartnerReferrals referrals;

    PartnerReferralResource(PartnerReferrals referrals) {
        this.referrals = referrals;
    }

    @GET
    @Operation(summary = "Your agency's referrals, newest first",
            description = "Those a center sent you (direction OUTBOUND) and those you sent a center (INBOUND); filters status and"
                    + " direction; limit (default 50, at most 200) and cursor (the nextCursor of the page before)."
                    + " A list does not count as having opened a referral (firstViewedAt)." + SEEN)
    public Page<PartnerBodies.PartnerReferralView> listPartnerReferrals(@QueryParam("status") ReferralStatus status,
                                                        @QueryParam("direction") ReferralDirection direction,
                                                        @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return referrals.list(new PartnerReferrals.Filter(Optional.ofNullable(status), Optional.ofNullable(direction)),
                PageRequest.of(limit, cursor)).map(r -> PartnerBodies.view(r, null));
    }

    @GET
    @Path("changes")
    @Operation(summary = "What changed since your last call: the change feed to keep your system in step",
            description = "Call it first without since: every referral you see now comes back. Keep the answer's next and send it"
                    + " as since the next time: you get the referrals that changed since (a move, a note, a first view; each with"
                    + " its whole current state, without history), then {id, removed: true} for each referral whose access ended"
                    + " since (30 days after it closed: delete your copy). While hasMore is true, call again at once with next."
                    + " Reading the feed does not count as having opened a referral.")
    public PartnerBodies.PartnerChangesPage listPartnerReferralChanges(
            @Parameter(description = "The next of your previous call; none the first time") @QueryParam("since") String since,
            @QueryParam("limit") Integer limit) {
        PartnerReferrals.Changes changes = referrals.changes(Optional.ofNullable(since).filter(s -> !s.isBlank()),
                PageRequest.of(limit, null).limit());
        return new PartnerBodies.PartnerChangesPage(changes.changes().stream().map(c -> c.visible()
                        .map(r -> new PartnerBodies.PartnerChangeItem(r.id, null, PartnerBodies.view(r, null)))
                        .orElseGet(() -> new PartnerBodies.PartnerChangeItem(c.referralId(), true, null))).toList(),
                changes.next().token(), changes.more());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One referral with its history",
            description = "The first time your agency opens a referral a center sent you, firstViewedAt is set: the center sees"
                    + " that it arrived." + SEEN)
    public PartnerBodies.PartnerReferralView getPartnerReferral(@PathParam("id") UUID id) {
        return view(referrals.get(id));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer or move a referral: ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, FAILED, COMPLETED, CANCELLED",
            description = "On a referral a center sent you: ACCEPTED or REJECTED while REQUESTED; from ACCEPTED: IN_PROGRESS,"
                    + " ON_HOLD, FAILED, COMPLETED; from IN_PROGRESS: ON_HOLD, FAILED, COMPLETED; from ON_HOLD: IN_PROGRESS, FAILED;"
                    + " CANCELLED while it is not closed. On one you sent: CANCELLED while it is open, ENTERED_IN_ERROR if you sent it by"
                    + " mistake."
                    + " Any other move is 409 and the problem lists allowedMoves. A reason {code, text} is required for REJECTED,"
                    + " CANCELLED, ON_HOLD and FAILED (400 without); COMPLETED requires an outcome. The center's case team is told.")
    public PartnerBodies.PartnerReferralView movePartnerReferral(@PathParam("id") UUID id, @Valid @NotNull PartnerBodies.PartnerStatusBody body) {
        return view(referrals.move(id, new ReferralService.Move(body.status(), ReferralMapper.reason(body.reason()),
                Optional.ofNullable(body.outcome()), Optional.ofNullable(body.note()))));
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A note for the center on a referral (not once it is closed: 409)",
            description = "Both sides' notes are in the history of the referral.")
    public PartnerBodies.PartnerReferralView addPartnerReferralNote(@PathParam("id") UUID id, @Valid @NotNull PartnerBodies.PartnerNoteBody body) {
        return view(referrals.addNote(id, body.text()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Refer a household to a center (an inbound referral)",
            description = "The center receives it as REQUESTED and answers it: it opens a case from it (the referral becomes"
                    + " ACCEPTED) or rejects it. You may cancel it while it is open. The agency is your token's; it must be in the"
                    + " directory (422 otherwise). Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Sent; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerBodies.PartnerReferralView.class)))
    public Response referToCenter(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                          @Valid @NotNull PartnerBodies.InboundReferralBody body) {
        InboundDetails details = new InboundDetails(new InboundDetails.ContactPerson(body.contactPerson().name(),
                body.contactPerson().relation(), body.contactPerson().phone()), body.concern(), body.consentHeld(),
                body.doNotContactDirectly());
        PartnerReferrals.PartnerRecord made = referrals.receive(new PartnerReferrals.Inbound(body.centerId(), body.reasons(),
                body.urgency(), body.sharedSummary(), details));
        return Response.created(URI.create("/api/v1/partner/referrals/" + made.referral().id)).entity(view(made)).build();
    }

    private static PartnerBodies.PartnerReferralView view(PartnerReferrals.PartnerRecord record) {
        return PartnerBodies.view(record.referral(), record.steps());
    }
}
