package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.platform.problem.Violation;

import java.util.Optional;

/**
 * Who spoke, for consultations and inquiries alike: a relation (続柄) says which family member,
 * so it is required when it was the family, and refused when it was anyone else.
 */
public final class FamilyRelation {

    private FamilyRelation() {
    }

    /** The broken rule on the {@code relation} field, if any. */
    public static Optional<Violation> violation(ConsultedWith with, Relation relation) {
        if (with == ConsultedWith.FAMILY && relation == null) {
            return Optional.of(new Violation("relation", "is required when with is FAMILY (which member spoke)"));
        }
        if (with != ConsultedWith.FAMILY && relation != null) {
            return Optional.of(new Violation("relation", "is only for with FAMILY"));
        }
        return Optional.empty();
    }
}
