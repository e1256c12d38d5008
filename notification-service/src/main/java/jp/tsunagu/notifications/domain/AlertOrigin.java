package jp.tsunagu.notifications.domain;

/** What raised a crisis alert. */
public enum AlertOrigin {
    /** A crisis reported on the case (case.crisis-reported.v1), whatever its urgency. */
    CRISIS_REPORTED,
    /** An assessment recorded with crisis urgency IMMINENT (case.assessment-recorded.v1). */
    ASSESSMENT_IMMINENT
}
