package jp.tsunagu.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;

/**
 * What one agency's webhook tells of one event: the payload's {@code type} (the event's type of the
 * contract), when it happened, and its {@code data}, one of the records below: ids, enums, dates and
 * times only, and only what the agency sees in the partner API anyway (never the case, the consent,
 * who at the center acted, nor any text).
 */
public record PartnerNotice(String agencyId, String type, Instant occurredAt, Object data) {

    /** {@code referral.requested.v1}: a center sent the agency a referral. */
    public record ReferralRequestedData(UUID referralId, String agencyId, String centerId, ReferralStatus status,
                                        ReferralPurpose purpose, Set<ReferralReason> reasons, ReferralUrgency urgency,
                                        OffsetDateTime respondBy, OffsetDateTime requestedAt) {
    }

    /** {@code referral.status-changed.v1}, sent when the center cancelled a referral it had sent the agency. */
    public record ReferralCancelledData(UUID referralId, String agencyId, String centerId, ReferralStatus fromStatus,
                                        ReferralStatus status, OffsetDateTime changedAt) {
    }

    /**
     * {@code consent.withdrawn.v1}: the consent some of the agency's referrals rested on was withdrawn.
     *
     * @param referralIds          the agency's referrals known to rest on it
     * @param cancelledReferralIds those of them the withdrawal cancelled
     */
    public record ConsentWithdrawnData(String agencyId, String centerId, List<UUID> referralIds,
                                       List<UUID> cancelledReferralIds, LocalDate withdrawnOn) {
    }
}
