package jp.tsunagu.events.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A partner agency referred a household to the center (inbound referral):
 * {@code referral.inbound-received.v1}. There is no case yet, so the referral id is the key.
 *
 * @param caseId      always {@code null}: the center may open a case from it later
 * @param centerId    the center it is addressed to
 * @param consentHeld whether the agency holds the household's consent to share
 */
public record InboundReferralReceived(
        UUID referralId,
        UUID caseId,
        String centerId,
        String agencyId,
        AgencyKind agencyKind,
        ReferralUrgency urgency,
        boolean consentHeld,
        Instant receivedAt) implements EventData {

    public InboundReferralReceived {
        requireNonNull(referralId, "referralId");
        requireNonNull(centerId, "centerId");
        requireNonNull(agencyId, "agencyId");
        requireNonNull(agencyKind, "agencyKind");
        requireNonNull(urgency, "urgency");
        requireNonNull(receivedAt, "receivedAt");
    }

    /** The referral id: the record key and CloudEvents {@code subject} while there is no case. */
    @Override
    public UUID partitionKey() {
        return referralId;
    }
}
