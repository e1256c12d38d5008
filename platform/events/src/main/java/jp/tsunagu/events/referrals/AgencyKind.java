package jp.tsunagu.events.referrals;

/** The kind of a partner agency (関係機関) in the directory. */
public enum AgencyKind {
    POLICE,
    /** 保健所. */
    PUBLIC_HEALTH_CENTER,
    /** 保健センター. */
    MUNICIPAL_HEALTH_CENTER,
    HOSPITAL,
    PSYCHIATRIC_CLINIC,
    /** 障害者相談支援センター. */
    DISABILITY_SUPPORT_CENTER,
    /** 福祉事務所. */
    WELFARE_OFFICE,
    /** 社会福祉協議会. */
    SOCIAL_WELFARE_COUNCIL,
    /** 地域若者サポートステーション, ハローワーク. */
    EMPLOYMENT_SUPPORT,
    /** 居場所. */
    DROP_IN_PLACE,
    /** 親の会. */
    FAMILY_ASSOCIATION,
    /** 訪問看護ステーション. */
    VISITING_NURSE,
    OTHER
}
