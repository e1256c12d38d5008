package jp.tsunagu.cases.domain;

/** A current wish (希望) or trouble (困りごと) of the person's daily life. */
public enum ConcernKind {
    WISH, TROUBLE
}
