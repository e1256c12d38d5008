package jp.tsunagu.events.cases;

/** Whether a case is open or closed (終結). */
public enum CaseStatus {
    OPEN,
    CLOSED
}
