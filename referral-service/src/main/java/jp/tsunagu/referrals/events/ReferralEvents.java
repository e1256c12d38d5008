package jp.tsunagu.referrals.events;

import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.InboundReferralReceived;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.referrals.domain.Consent;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralStep;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The referral-events this service publishes: ids, enums and times only. The shared summary, the
 * justification, reasons' and notes' texts, and everything an inbound referral tells of the
 * household never travel.
 */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    public static ReferralRequested requested(Referral r) {
        return new ReferralRequested(r.id, r.caseId, r.centerId, r.agencyId, r.agencyKind, r.purpose, r.reasons, r.urgency,
                r.legalBasis, r.consentId, r.respondBy, r.requestedAt, r.createdBy);
    }

    public static ReferralStatusChanged statusChanged(Referral r, ReferralStep step) {
        return new ReferralStatusChanged(r.id, r.caseId, r.centerId, r.agencyId, r.agencyKind, step.fromStatus,
                step.toStatus, step.byUser, step.party, step.at);
    }

    public static ReferralOverdue overdue(Referral r, Instant now) {
        return new ReferralOverdue(r.id, r.caseId, r.centerId, r.agencyId, r.urgency, r.respondBy, now);
    }

    public static InboundReferralReceived inboundReceived(Referral r) {
        return new InboundReferralReceived(r.id, null, r.centerId, r.agencyId, r.agencyKind, r.urgency,
                r.inbound.consentHeld(), r.requestedAt);
    }

    /**
     * A withdrawal: the agencies that had received a referral resting on the consent (to be told), and
     * the referrals it cancelled.
     */
    public static ConsentWithdrawn consentWithdrawn(Consent c, Set<String> agenciesToTell, List<Referral> cancelled) {
        return new ConsentWithdrawn(c.id, c.caseId, c.centerId, agenciesToTell,
                cancelled.stream().map(r -> r.id).collect(Collectors.toSet()),
                c.withdrawnOn, c.withdrawnAt, c.withdrawnBy);
    }
}
