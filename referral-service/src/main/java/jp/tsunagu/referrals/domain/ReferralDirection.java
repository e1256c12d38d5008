package jp.tsunagu.referrals.domain;

/** Which way a referral goes: from a case of the center to an agency, or from an agency to the center. */
public enum ReferralDirection {
    OUTBOUND,
    INBOUND
}
