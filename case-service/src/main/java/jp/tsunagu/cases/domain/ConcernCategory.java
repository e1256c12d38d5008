package jp.tsunagu.cases.domain;

/** What a wish or trouble is about. */
public enum ConcernCategory {
    HEALTH, FAMILY, HOBBY, MONEY, DAILY_LIVING, OTHER
}
