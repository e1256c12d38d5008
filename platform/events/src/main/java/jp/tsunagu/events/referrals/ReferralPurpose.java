package jp.tsunagu.events.referrals;

/** Why a case is referred (つなぐ) to an agency. */
public enum ReferralPurpose {
    /** Backup system (バックアップ体制). */
    BACKUP,
    CONSULTATION,
    TRANSFER,
    CRISIS_INTERVENTION,
    /** A case the center cannot take. */
    INELIGIBLE_CASE
}
