package jp.tsunagu.events.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A referral moved from one status to another: {@code referral.status-changed.v1}. Reasons, outcomes
 * and notes stay in referral-service.
 *
 * @param changedBy      the Keycloak user id (token {@code sub}) of whoever moved it: a center user, or
 *                       a partner agency's user or service account
 * @param changedByParty which side moved it
 */
public record ReferralStatusChanged(
        UUID referralId,
        UUID caseId,
        String centerId,
        String agencyId,
        AgencyKind agencyKind,
        ReferralStatus fromStatus,
        ReferralStatus toStatus,
        String changedBy,
        Party changedByParty,
        Instant changedAt) implements EventData {

    public ReferralStatusChanged {
        requireNonNull(referralId, "referralId");
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(agencyId, "agencyId");
        requireNonNull(agencyKind, "agencyKind");
        requireNonNull(fromStatus, "fromStatus");
        requireNonNull(toStatus, "toStatus");
        requireNonNull(changedBy, "changedBy");
        requireNonNull(changedByParty, "changedByParty");
        requireNonNull(changedAt, "changedAt");
    }
}
