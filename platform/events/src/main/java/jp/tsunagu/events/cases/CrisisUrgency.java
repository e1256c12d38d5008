package jp.tsunagu.events.cases;

/** The crisis urgency (危機介入の緊急性) judged in an assessment; IMMINENT raises an alert. */
public enum CrisisUrgency {
    NONE,
    WATCH,
    IMMINENT
}
