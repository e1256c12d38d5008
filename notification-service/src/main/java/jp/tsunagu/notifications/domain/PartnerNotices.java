package jp.tsunagu.notifications.domain;

import jp.tsunagu.events.EventType;
import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.platform.time.Tokyo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which referral-events an agency's webhook tells it of (api.md: a referral created, cancelled, or
 * its consent withdrawn), and with what. Only what concerns the agency and what it may know: a
 * referral a center sent it; the center cancelling one (the agency's own moves it knows already);
 * a consent withdrawn, to each agency that had received a referral resting on it, with its own
 * referrals only.
 */
public final class PartnerNotices {

    private PartnerNotices() {
    }

    /** A center sent the agency a referral ({@code referral.requested.v1} is only ever a center's outbound referral). */
    public static PartnerNotice requested(ReferralRequested r) {
        return new PartnerNotice(r.agencyId(), EventType.REFERRAL_REQUESTED.type(), r.requestedAt(),
                new PartnerNotice.ReferralRequestedData(r.referralId(), r.agencyId(), r.centerId(), ReferralStatus.REQUESTED,
                        r.purpose(), r.reasons(), r.urgency(), Tokyo.offset(r.respondBy()), Tokyo.offset(r.requestedAt())));
    }

    /** The center cancelled a referral it had sent: the agency is told; any other move is not the webhook's. */
    public static Optional<PartnerNotice> statusChanged(ReferralStatusChanged s) {
        if (s.toStatus() != ReferralStatus.CANCELLED || s.changedByParty() != Party.CENTER
                || s.fromStatus() == ReferralStatus.DRAFT) {
            return Optional.empty();
        }
        return Optional.of(new PartnerNotice(s.agencyId(), EventType.REFERRAL_STATUS_CHANGED.type(), s.changedAt(),
                new PartnerNotice.ReferralCancelledData(s.referralId(), s.agencyId(), s.centerId(), s.fromStatus(),
                        s.toStatus(), Tokyo.offset(s.changedAt()))));
    }

    /**
     * One notice per agency to tell.
     *
     * @param agencyOfReferral the agency of each referral known to rest on the consent or cancelled by
     *                         its withdrawal (referrals of other agencies are never told)
     */
    public static List<PartnerNotice> consentWithdrawn(ConsentWithdrawn c, Map<UUID, String> agencyOfReferral) {
        List<PartnerNotice> notices = new ArrayList<>();
        for (String agencyId : c.agencyIds()) {
            List<UUID> referrals = agencyOfReferral.entrySet().stream().filter(e -> agencyId.equals(e.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            List<UUID> cancelled = referrals.stream().filter(c.cancelledReferralIds()::contains).toList();
            notices.add(new PartnerNotice(agencyId, EventType.CONSENT_WITHDRAWN.type(), c.withdrawnAt(),
                    new PartnerNotice.ConsentWithdrawnData(agencyId, c.centerId(), referrals, cancelled, c.withdrawnOn())));
        }
        return notices;
    }
}
