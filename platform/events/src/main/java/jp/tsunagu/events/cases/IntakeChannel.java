package jp.tsunagu.events.cases;

/** How the first consultation (相談受付) reached the center. */
public enum IntakeChannel {
    PHONE,
    /** The family came to the center. */
    VISIT,
    EMAIL,
    /** Referred by another agency. */
    REFERRAL,
    OTHER
}
