package jp.tsunagu.referrals.domain;

/**
 * Why a referral was rejected, cancelled, put on hold or failed: the coded half of a
 * {@link StatusReason} (the counts in the center's stats are made of these).
 */
public enum StatusReasonCode {
    /** The agency cannot take anyone now. */
    NO_CAPACITY,
    /** The person is not someone the agency serves. */
    NOT_ELIGIBLE,
    /** The person lives outside the agency's service area. */
    OUTSIDE_SERVICE_AREA,
    /** The person declined. */
    SUBJECT_DECLINED,
    /** The family declined. */
    FAMILY_DECLINED,
    /** Nobody could be reached. */
    UNABLE_TO_CONTACT,
    /** The consent the referral rested on was withdrawn (set by the system). */
    CONSENT_WITHDRAWN,
    /** The need has gone (the person moved, was helped elsewhere...). */
    NO_LONGER_NEEDED,
    /** Waiting: the person's health, a hospital stay, the family's situation. */
    WAITING_FOR_SUBJECT,
    /** The same referral exists already. */
    DUPLICATE,
    OTHER
}
