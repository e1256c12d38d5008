package jp.tsunagu.events.cases;

/** Who the center spoke with in a consultation or an inquiry. */
public enum ConsultedWith {
    /** The person in withdrawal (本人). */
    SUBJECT,
    /** A family member (家族); the relation says which. */
    FAMILY,
    /** Another agency about the person. */
    AGENCY,
    OTHER
}
