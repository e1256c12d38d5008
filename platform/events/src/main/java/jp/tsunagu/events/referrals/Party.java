package jp.tsunagu.events.referrals;

/** Which side of a referral acted: the center or the agency. */
public enum Party {
    CENTER,
    AGENCY
}
