package jp.tsunagu.events.referrals;

/** The status of a referral, after the FHIR Task statuses of closed-loop referrals. */
public enum ReferralStatus {
    /** Prepared by the center, not sent yet: the agency does not see it. */
    DRAFT,
    /** Set by the center when it sends the referral. */
    REQUESTED,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    ON_HOLD,
    FAILED,
    COMPLETED,
    /** Set by the center, or by the agency, before completion. */
    CANCELLED,
    /** Set by the center: the referral should never have existed (FHIR {@code entered-in-error}). */
    ENTERED_IN_ERROR
}
