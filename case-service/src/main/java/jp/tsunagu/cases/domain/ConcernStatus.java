package jp.tsunagu.cases.domain;

/** Where a wish or trouble stands. */
public enum ConcernStatus {
    OPEN, IN_PROGRESS, RESOLVED, DROPPED
}
