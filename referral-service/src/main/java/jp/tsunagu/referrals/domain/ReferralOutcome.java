package jp.tsunagu.referrals.domain;

/** What came of a completed referral (the closed loop: the center learns whether the person was connected). */
public enum ReferralOutcome {
    /** The agency's service started for the person or the family. */
    SERVICE_STARTED,
    /** The agency saw the person (or the family) at least once. */
    SUBJECT_SEEN,
    /** The agency connected them to another agency. */
    CONNECTED_ELSEWHERE,
    /** Nothing further was needed. */
    NO_FURTHER_ACTION,
    OTHER
}
