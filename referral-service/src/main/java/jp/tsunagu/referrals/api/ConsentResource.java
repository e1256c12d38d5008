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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.idempotency.Idempotency;
import jp.tsunagu.platform.idempotency.Idempotent;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.Consent;
import jp.tsunagu.referrals.domain.ConsentTerms;
import jp.tsunagu.referrals.service.ConsentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Consent to share (情報提供への同意): the ledger of a case. A consent is never changed, only
 * withdrawn; withdrawing it cancels the referrals resting on it that are not closed yet.
 */
@Path("/api/v1")
@Tag(name = "consents", description = "Consent to share a case's information with agencies: the ledger, and withdrawal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR})
public class ConsentResource {

    private final ConsentService consents;
    private final Clock clock;

    ConsentResource(ConsentService consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    @POST
    @Path("cases/{caseId}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Record a consent to share: who granted it, with which agencies or kinds, for which purposes, how, from when until when")
    public Response recordConsent(@PathParam("caseId") UUID caseId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ReferralBodies.ConsentBody body) {
        ConsentTerms terms = new ConsentTerms(body.agencyIds(), body.agencyKinds(), body.purposes(), body.grantedOn(),
                Optional.ofNullable(body.expiresOn()), Optional.empty());
        Consent consent = consents.record(caseId, body.grantedBy(), body.method(), terms).consent();
        return Response.created(URI.create("/api/v1/consents/" + consent.id)).entity(ReferralMapper.view(consent, today()))
                .build();
    }

    @GET
    @Path("cases/{caseId}/consents")
    @Operation(summary = "The case's consents, newest first, withdrawn ones included")
    public ReferralBodies.Consents listConsents(@PathParam("caseId") UUID caseId) {
        return new ReferralBodies.Consents(consents.list(caseId).stream().map(c -> ReferralMapper.view(c, today())).toList());
    }

    @GET
    @Path("consents/{id}")
    @Operation(summary = "A consent")
    public ReferralBodies.ConsentView getConsent(@PathParam("id") UUID id) {
        return ReferralMapper.view(consents.get(id), today());
    }

    @POST
    @Path("consents/{id}/withdrawal")
    @Operation(summary = "Withdraw a consent from today; the referrals resting on it that are not closed are cancelled"
            + " (reason CONSENT_WITHDRAWN) and the agencies that received them are told (consent.withdrawn.v1)")
    public ReferralBodies.Withdrawal withdrawConsent(@PathParam("id") UUID id) {
        ConsentService.Withdrawal withdrawal = consents.withdraw(id);
        return new ReferralBodies.Withdrawal(ReferralMapper.view(withdrawal.consent(), today()),
                withdrawal.cancelled().stream().map(r -> r.id).toList());
    }

    /** Whether a consent holds is told for the service clock's Tokyo day. */
    private LocalDate today() {
        return Tokyo.day(clock.instant());
    }
}
