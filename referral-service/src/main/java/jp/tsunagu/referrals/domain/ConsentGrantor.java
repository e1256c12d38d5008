package jp.tsunagu.referrals.domain;

/** Who gave a consent to share (本人, 保護者・後見人, 家族). */
public enum ConsentGrantor {
    SUBJECT,
    GUARDIAN,
    FAMILY
}
