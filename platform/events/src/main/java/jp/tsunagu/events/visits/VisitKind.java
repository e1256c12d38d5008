package jp.tsunagu.events.visits;

/** The kind of visit (訪問支援). */
public enum VisitKind {
    /** A home visit. */
    HOME,
    /** An outing with the person (外出). */
    OUTING,
    /** Accompanying the person, e.g. to a clinic (同行支援). */
    ACCOMPANIMENT,
    /** A session with the family (家族支援). */
    FAMILY_SESSION
}
