package jp.tsunagu.events.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * The center referred a case to a partner agency (関係機関へのつなぎ): {@code referral.requested.v1}.
 * The shared summary and any justification stay in referral-service.
 *
 * @param reasons   why, at least one
 * @param consentId the consent the sharing rests on; {@code null} when the basis is VITAL_INTEREST
 * @param respondBy when the agency must have accepted or rejected it
 */
public record ReferralRequested(
        UUID referralId,
        UUID caseId,
        String centerId,
        String agencyId,
        AgencyKind agencyKind,
        ReferralPurpose purpose,
        Set<ReferralReason> reasons,
        ReferralUrgency urgency,
        LegalBasis legalBasis,
        UUID consentId,
        Instant respondBy,
        Instant requestedAt,
        String requestedBy) implements EventData {

    public ReferralRequested {
        requireNonNull(referralId, "referralId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(agencyId, "agencyId");
        requireNonNull(agencyKind, "agencyKind");
        requireNonNull(purpose, "purpose");
        reasons = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(reasons, "reasons")));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("reasons must not be empty");
        }
        requireNonNull(urgency, "urgency");
        requireNonNull(legalBasis, "legalBasis");
        requireNonNull(respondBy, "respondBy");
        requireNonNull(requestedAt, "requestedAt");
        requireNonNull(requestedBy, "requestedBy");
    }
}
