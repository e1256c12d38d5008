package jp.tsunagu.events.audit;

/** How an audited act ended. */
public enum AuditResult {
    /** Done (read or changed). */
    SUCCESS,
    /** Refused: the caller may not see or do it (answered 403 or 404). */
    DENIED
}
