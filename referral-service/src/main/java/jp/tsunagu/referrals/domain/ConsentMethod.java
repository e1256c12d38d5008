package jp.tsunagu.referrals.domain;

/** How a consent was given: in writing (同意書), or by word of mouth and noted by the supporter. */
public enum ConsentMethod {
    WRITTEN,
    VERBAL
}
