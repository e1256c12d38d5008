package jp.tsunagu.events.cases;

/** Who was called in or what was done when a crisis happened. */
public enum CrisisAction {
    POLICE,
    /** 保健所. */
    PUBLIC_HEALTH_CENTER,
    HOSPITAL,
    AMBULANCE,
    OTHER
}
