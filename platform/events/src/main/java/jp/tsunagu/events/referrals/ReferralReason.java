package jp.tsunagu.events.referrals;

/** A reason for a referral. */
public enum ReferralReason {
    SUSPECTED_MENTAL_ILLNESS,
    SELF_HARM_RISK,
    HARM_TO_OTHERS_RISK,
    SUSPECTED_INTELLECTUAL_DISABILITY,
    WELFARE_NEED,
    EMPLOYMENT,
    OTHER
}
