package jp.tsunagu.referrals.domain;

/** How a consent was given: in writing (書面) or spoken (口頭, recorded by the supporter). */
public enum ConsentMethod {
    WRITTEN,
    VERBAL
}
