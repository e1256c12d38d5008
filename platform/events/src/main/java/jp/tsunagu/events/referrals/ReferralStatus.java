package jp.tsunagu.events.referrals;

/** The status of a referral, after the FHIR Task statuses of closed-loop referrals. */
public enum ReferralStatus {
    /** Set by the center on creation. */
    REQUESTED,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    ON_HOLD,
    FAILED,
    COMPLETED,
    /** Set by the center, or by the agency, before completion. */
    CANCELLED
}
