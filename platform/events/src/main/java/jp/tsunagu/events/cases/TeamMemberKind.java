package jp.tsunagu.events.cases;

/** What kind of member of a case's support team (支援チーム) someone is. */
public enum TeamMemberKind {
    /** A supporter of the center (a Keycloak user). */
    STAFF,
    /** ピアサポーター (a Keycloak user). */
    PEER_SUPPORTER,
    /** A partner agency (identified by its agency id). */
    AGENCY_CONTACT
}
