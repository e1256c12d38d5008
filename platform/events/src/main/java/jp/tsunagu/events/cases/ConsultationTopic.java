package jp.tsunagu.events.cases;

/** What a consultation or an inquiry was about. */
public enum ConsultationTopic {
    /** How the family should respond to the person (関わり方). */
    HOW_TO_RESPOND,
    FAMILY_RELATIONS,
    CRISIS,
    HEALTH,
    MONEY,
    WORK_OR_SCHOOL,
    /** Proposing home visits to the person (訪問の提案). */
    HOME_VISIT_PROPOSAL,
    OTHER
}
