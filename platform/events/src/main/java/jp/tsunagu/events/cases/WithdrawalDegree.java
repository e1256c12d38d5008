package jp.tsunagu.events.cases;

/** The degree of withdrawal (ひきこもりの程度) judged in an assessment. */
public enum WithdrawalDegree {
    /** Goes out for errands. */
    LEAVES_FOR_ERRANDS,
    /** Goes out only for hobbies. */
    LEAVES_FOR_HOBBIES_ONLY,
    /** Stays at home. */
    STAYS_HOME,
    /** Stays in their room. */
    STAYS_IN_ROOM
}
