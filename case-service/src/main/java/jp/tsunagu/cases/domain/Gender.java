package jp.tsunagu.cases.domain;

/** Gender of the subject, as the family or the subject gives it. */
public enum Gender {
    MALE, FEMALE, OTHER, UNSPECIFIED
}
