package jp.tsunagu.cases.domain;

/**
 * A member of the subject's household (世帯). {@code health} is free text and sensitive; the key
 * person (キーパーソン) is the family member the supporter works through.
 */
public record HouseholdMember(Relation relation, String name, Integer birthYear, String health,
                              boolean keyPerson, RelationshipWithSubject relationshipWithSubject) {
}
