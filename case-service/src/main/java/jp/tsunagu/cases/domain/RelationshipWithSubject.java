package jp.tsunagu.cases.domain;

/** How a household member gets on with the subject (家族関係). */
public enum RelationshipWithSubject {
    GOOD, NEUTRAL, TENSE, NO_CONTACT
}
