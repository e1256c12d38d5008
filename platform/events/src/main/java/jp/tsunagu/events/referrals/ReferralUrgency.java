package jp.tsunagu.events.referrals;

/** How soon the agency must answer a referral (default respond-by: 7 days, 24 h, 1 h). */
public enum ReferralUrgency {
    ROUTINE,
    URGENT,
    EMERGENCY
}
