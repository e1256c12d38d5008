package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Who spoke, for consultations and inquiries alike: plain JUnit. */
class FamilyRelationTest {

    @ParameterizedTest(name = "{0} with relation {1}: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            FAMILY,  MOTHER, -
            FAMILY,  -,      is required when with is FAMILY (which member spoke)
            SUBJECT, -,      -
            AGENCY,  -,      -
            OTHER,   -,      -
            SUBJECT, FATHER, is only for with FAMILY
            AGENCY,  SIBLING, is only for with FAMILY
            """)
    void aRelationIsToldExactlyWhenTheFamilySpoke(ConsultedWith with, Relation relation, String refusal) {
        assertThat(FamilyRelation.violation(with, relation))
                .isEqualTo(java.util.Optional.ofNullable(refusal).map(message -> new Violation("relation", message)));
    }
}
