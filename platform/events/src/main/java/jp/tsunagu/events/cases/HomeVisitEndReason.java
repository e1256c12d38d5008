package jp.tsunagu.events.cases;

/** Why home visits (訪問支援) ended; the case goes on in FOLLOW_UP. */
public enum HomeVisitEndReason {
    /** The person now comes to the center. */
    MOVED_TO_CENTER_SUPPORT,
    EMPLOYED,
    CONNECTED_TO_OTHER_AGENCY,
    SUBJECT_DECLINED,
    MOVED_AWAY,
    OTHER
}
