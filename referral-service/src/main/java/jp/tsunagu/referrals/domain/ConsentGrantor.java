package jp.tsunagu.referrals.domain;

/** Who granted a consent to share: the person, a legal guardian, or the family. */
public enum ConsentGrantor {
    SUBJECT,
    GUARDIAN,
    FAMILY
}
