package jp.tsunagu.events.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A referral was neither accepted nor rejected by its respond-by time and escalates:
 * {@code referral.overdue.v1}.
 */
public record ReferralOverdue(
        UUID referralId,
        UUID caseId,
        String centerId,
        String agencyId,
        ReferralUrgency urgency,
        Instant respondBy,
        Instant detectedAt) implements EventData {

    public ReferralOverdue {
        requireNonNull(referralId, "referralId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(agencyId, "agencyId");
        requireNonNull(urgency, "urgency");
        requireNonNull(respondBy, "respondBy");
        requireNonNull(detectedAt, "detectedAt");
    }
}
