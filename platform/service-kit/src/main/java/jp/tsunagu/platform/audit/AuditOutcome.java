package jp.tsunagu.platform.audit;

/** How an audited act ended. */
public enum AuditOutcome {
    /** Done (read or changed). */
    SUCCESS,
    /** Refused: the caller may not see or do it. */
    DENIED
}
