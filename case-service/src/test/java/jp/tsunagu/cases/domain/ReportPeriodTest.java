package jp.tsunagu.cases.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A period of Tokyo days, both included, at most 5 years. */
class ReportPeriodTest {

    @Test
    void runsFromTheStartOfItsFirstTokyoDayToTheEndOfItsLast() {
        ReportPeriod june = new ReportPeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        assertThat(june.start()).isEqualTo(Instant.parse("2026-05-31T15:00:00Z"));
        assertThat(june.end()).isEqualTo(Instant.parse("2026-06-30T15:00:00Z"));
        ReportPeriod oneDay = new ReportPeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1));
        assertThat(oneDay.end()).isEqualTo(Instant.parse("2026-06-01T15:00:00Z"));
        assertThat(new ReportPeriod(LocalDate.of(2021, 6, 1), LocalDate.of(2026, 6, 1)).to()).isEqualTo("2026-06-01");
    }

    @Test
    void refusesAPeriodBackwardsOrOverFiveYears() {
        assertThat(refused(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 1)))
                .containsExactly(new Violation("to", "must be on or after from, within 5 years"));
        assertThat(refused(LocalDate.of(2021, 6, 1), LocalDate.of(2026, 6, 2)))
                .containsExactly(new Violation("to", "must be on or after from, within 5 years"));
    }

    @Test
    void namesEachMissingDayByItsParameter() {
        assertThat(refused(null, null)).containsExactly(new Violation("from", "must not be null"),
                new Violation("to", "must not be null"));
        assertThat(refused(LocalDate.of(2026, 6, 1), null)).containsExactly(new Violation("to", "must not be null"));
    }

    private static java.util.List<Violation> refused(LocalDate from, LocalDate to) {
        return catchThrowableOfType(InvalidRequestException.class, () -> new ReportPeriod(from, to)).violations();
    }
}
