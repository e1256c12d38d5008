package jp.tsunagu.events.visits;

/** Whether a visit is only scheduled or has been recorded. */
public enum VisitStatus {
    SCHEDULED,
    RECORDED
}
