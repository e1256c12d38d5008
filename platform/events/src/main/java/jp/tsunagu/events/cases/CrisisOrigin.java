package jp.tsunagu.events.cases;

/** What raised a crisis alert. */
public enum CrisisOrigin {
    /** A crisis that happened was reported. */
    CRISIS_REPORT,
    /** An assessment judged crisis urgency IMMINENT. */
    ASSESSMENT
}
