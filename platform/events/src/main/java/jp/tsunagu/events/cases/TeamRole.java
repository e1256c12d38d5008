package jp.tsunagu.events.cases;

/** The role of a member in a case's support team; exactly one PRIMARY (主担当). */
public enum TeamRole {
    PRIMARY,
    SECONDARY,
    PEER,
    /** A partner agency of the backup system (バックアップ体制). */
    BACKUP_AGENCY
}
