package jp.tsunagu.cases.domain;

/** Relation of a household member or consultant to the subject (続柄). */
public enum Relation {
    FATHER, MOTHER, SIBLING, GRANDPARENT, SPOUSE, CHILD, OTHER_RELATIVE, OTHER
}
