package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of a consultation as a table (plain JUnit): who was consulted, the relation ({@code -}
 * none), and when it happened in minutes from now; the intake was 30 days ago. The answer is the
 * fields that are wrong, or nothing.
 */
class ConsultationRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private static final Instant INTAKE = NOW.minus(Duration.ofDays(30));

    @ParameterizedTest(name = "{0} {1} at now{2}m is whole")
    @CsvSource(delimiter = '|', textBlock = """
            # with  | relation | minutes from now
            FAMILY  | MOTHER   | -60
            FAMILY  | OTHER    | 0
            SUBJECT | -        | -1440
            AGENCY  | -        | 10
            OTHER   | -        | -43200
            """)
    void acceptsAWholeConsultation(ConsultedWith with, String relation, long minutes) {
        assertThatCode(() -> ConsultationRules.check(consultation(with, relation, minutes), INTAKE, NOW))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1} at now{2}m -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # with  | relation | minutes from now | fields that are wrong
            FAMILY  | -        | -60              | relation
            SUBJECT | FATHER   | -60              | relation
            AGENCY  | SIBLING  | -60              | relation
            OTHER   | OTHER    | -60              | relation
            FAMILY  | MOTHER   | 11               | occurredAt
            FAMILY  | MOTHER   | 600              | occurredAt
            SUBJECT | -        | -43201           | occurredAt
            FAMILY  | -        | -50000           | relation, occurredAt
            AGENCY  | MOTHER   | 1000             | relation, occurredAt
            """)
    void refusesWhatIsNotWhole(ConsultedWith with, String relation, long minutes, String fields) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ConsultationRules.check(consultation(with, relation, minutes), INTAKE, NOW));
        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(Violation::field)
                .containsExactlyElementsOf(Arrays.stream(fields.split(",")).map(String::trim).toList());
    }

    @ParameterizedTest(name = "intake unknown: at now{0}m is whole")
    @CsvSource({"-600000", "-1"})
    void aCaseWithoutAnIntakeTimeTakesAnyPastTime(long minutes) {
        assertThatCode(() -> ConsultationRules.check(consultation(ConsultedWith.SUBJECT, "-", minutes), null, NOW))
                .doesNotThrowAnyException();
    }

    private static Consultation consultation(ConsultedWith with, String relation, long minutesFromNow) {
        Consultation c = new Consultation();
        c.occurredAt = NOW.plus(Duration.ofMinutes(minutesFromNow));
        c.channel = ConsultationChannel.PHONE;
        c.consultedWith = with;
        c.relation = relation.equals("-") ? null : Relation.valueOf(relation);
        c.topics = Set.of();
        return c;
    }
}
