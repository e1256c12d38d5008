package jp.tsunagu.events.cases;

/** Whether the family can truly face the person (家族の力量). */
public enum FamilyCapacity {
    STRONG,
    ADEQUATE,
    WEAK,
    ABSENT
}
