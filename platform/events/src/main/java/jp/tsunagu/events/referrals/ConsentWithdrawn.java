package jp.tsunagu.events.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A consent to share (情報共有の同意) was withdrawn: {@code consent.withdrawn.v1}. The referrals resting
 * on it that were not completed are cancelled (each with its own {@code referral.status-changed.v1},
 * reason CONSENT_WITHDRAWN); the agencies that had received them are to be told.
 *
 * @param agencyIds            the agencies that received referrals resting on this consent (to be told);
 *                             may be empty
 * @param cancelledReferralIds the referrals the withdrawal cancelled; may be empty
 * @param withdrawnOn          the day it was withdrawn, in Asia/Tokyo
 * @param withdrawnBy          the Keycloak user id (token {@code sub}) of who recorded the withdrawal
 */
public record ConsentWithdrawn(
        UUID consentId,
        UUID caseId,
        String centerId,
        Set<String> agencyIds,
        Set<UUID> cancelledReferralIds,
        LocalDate withdrawnOn,
        Instant withdrawnAt,
        String withdrawnBy) implements EventData {

    public ConsentWithdrawn {
        requireNonNull(consentId, "consentId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        agencyIds = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(agencyIds, "agencyIds")));
        cancelledReferralIds = Collections.unmodifiableSet(
                new TreeSet<>(requireNonNull(cancelledReferralIds, "cancelledReferralIds")));
        requireNonNull(withdrawnOn, "withdrawnOn");
        requireNonNull(withdrawnAt, "withdrawnAt");
        requireNonNull(withdrawnBy, "withdrawnBy");
    }
}
