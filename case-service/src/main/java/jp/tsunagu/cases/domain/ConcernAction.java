package jp.tsunagu.cases.domain;

/** What the supporter did about a wish or trouble. */
public enum ConcernAction {
    ACCOMPANIED_MEDICAL_VISIT, WELFARE_APPLICATION, ACCOMPANIED_SHOPPING, FAMILY_MEDIATION, OTHER
}
