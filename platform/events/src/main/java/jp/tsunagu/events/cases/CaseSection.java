package jp.tsunagu.events.cases;

/** A part of a case that an update changed (only which part, never what). */
public enum CaseSection {
    /** The person (本人) data. */
    SUBJECT,
    /** The household (家族構成). */
    HOUSEHOLD
}
