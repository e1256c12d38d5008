package jp.tsunagu.referrals.api;

import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.Consent;
import jp.tsunagu.referrals.domain.InboundDetails;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralStep;
import jp.tsunagu.referrals.domain.StatusReason;
import jp.tsunagu.referrals.service.ReferralService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Consents and referrals into the center's views and back from its bodies (hand-written, like the other mappers). */
public final class ReferralMapper {

    private ReferralMapper() {
    }

    public static ReferralBodies.ConsentView view(Consent c, LocalDate today) {
        return new ReferralBodies.ConsentView(c.id, c.caseId, c.grantedBy, c.agencyIds, c.agencyKinds, c.purposes, c.method,
                c.grantedOn, c.expiresOn, c.terms().validOn(today), c.withdrawnOn, Tokyo.offset(c.withdrawnAt), c.withdrawnBy,
                c.recordedBy, Tokyo.offset(c.recordedAt), c.version);
    }

    public static ReferralService.RequestTerms terms(ReferralBodies.ReferralBody b) {
        return new ReferralService.RequestTerms(b.purpose(), b.reasons(), b.urgency(), b.sharedSummary(), b.legalBasis(),
                Optional.ofNullable(b.consentId()), Optional.ofNullable(b.justification()),
                Optional.ofNullable(b.respondBy()).map(at -> at.toInstant()), Boolean.TRUE.equals(b.draft()));
    }

    public static Optional<StatusReason> reason(ReferralBodies.ReasonBody body) {
        return Optional.ofNullable(body).map(r -> StatusReason.of(r.code(), r.text()));
    }

    /** The referral as the center sees it; {@code steps} empty in lists. */
    public static ReferralBodies.ReferralView view(Referral r, List<ReferralStep> steps, Instant now, boolean withHistory) {
        return new ReferralBodies.ReferralView(r.id, r.direction, r.caseId, r.centerId, r.agencyId, r.agencyKind, r.status,
                r.purpose, r.reasons, r.urgency, r.sharedSummary, r.legalBasis, r.consentId, r.justification,
                Tokyo.offset(r.respondBy), r.isOverdue(now), inbound(r.inbound),
                r.statusReasonCode == null ? null : new ReferralBodies.ReasonBody(r.statusReasonCode, r.statusReasonText),
                r.outcome, Tokyo.offset(r.firstViewedAt), Tokyo.offset(r.requestedAt), Tokyo.offset(r.answeredAt),
                Tokyo.offset(r.completedAt), Tokyo.offset(r.closedAt), r.createdBy, Tokyo.offset(r.createdAt),
                Tokyo.offset(r.updatedAt), r.version, withHistory ? steps.stream().map(s -> step(s, true)).toList() : null);
    }

    /** A step; {@code withAuthor} false hides who entered it (the agency's view of center staff). */
    public static ReferralBodies.StepView step(ReferralStep s, boolean withAuthor) {
        return new ReferralBodies.StepView(s.seq, Tokyo.offset(s.at), s.party, withAuthor ? s.byUser : null, s.channel,
                s.fromStatus, s.toStatus, s.reasonCode, s.reasonText, s.outcome, s.note);
    }

    public static ReferralBodies.InboundView inbound(InboundDetails d) {
        return d == null ? null : new ReferralBodies.InboundView(new ReferralBodies.ContactPersonBody(d.contactPerson().name(),
                d.contactPerson().relation(), d.contactPerson().phone()), d.concern(), d.consentHeld(), d.doNotContactDirectly());
    }
}
