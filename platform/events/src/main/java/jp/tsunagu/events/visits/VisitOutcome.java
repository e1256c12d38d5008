package jp.tsunagu.events.visits;

/** Whom a visit reached; a visit without meeting is the work too. */
public enum VisitOutcome {
    /** Met the person (本人). */
    MET_SUBJECT,
    MET_FAMILY_ONLY,
    NOT_MET,
    CANCELLED
}
