package jp.tsunagu.events.cases;

/** A crisis factor or kind of crisis (危機): what is feared or what happened. */
public enum CrisisFactor {
    SELF_HARM,
    HARM_TO_OTHERS,
    VIOLENCE,
    SUICIDE_ATTEMPT,
    /** Sudden deterioration of the person's health. */
    SUBJECT_HEALTH_DETERIORATION,
    /** Sudden deterioration of a family member's health. */
    FAMILY_HEALTH_DETERIORATION
}
