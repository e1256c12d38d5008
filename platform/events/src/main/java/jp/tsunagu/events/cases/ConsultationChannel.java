package jp.tsunagu.events.cases;

/** How a consultation (相談) after intake took place; home visits are visit-service's. */
public enum ConsultationChannel {
    PHONE,
    /** At the center (来所相談). */
    CENTER_VISIT,
    EMAIL,
    ONLINE,
    OTHER
}
