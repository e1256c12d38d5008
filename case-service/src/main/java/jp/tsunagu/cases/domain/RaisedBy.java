package jp.tsunagu.cases.domain;

/** Who raised a wish or trouble: the person's needs are kept apart from the family's. */
public enum RaisedBy {
    SUBJECT, FAMILY, SUPPORTER
}
