package jp.tsunagu.platform.time;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean Validation judges "today" as a Tokyo day whatever the server's zone: otherwise, from 15:00
 * UTC, a milestone reached today in Tokyo was refused as in the future (the first test fails then
 * without {@link TokyoClockProvider}; the second holds at any hour). A month (withdrawalSince) is
 * judged the same way.
 */
@QuarkusTest
class TokyoClockTest {

    record Reached(@PastOrPresent LocalDate on) {
    }

    record Planned(@FutureOrPresent LocalDate on) {
    }

    record Since(@PastOrPresent YearMonth month) {
    }

    @Inject
    Validator validator;

    @Inject
    ValidatorFactory validatorFactory;

    @Test
    void validationTellsTimeInTokyo() {
        LocalDate tokyoToday = Tokyo.today();
        YearMonth tokyoMonth = YearMonth.from(tokyoToday);
        assertThat(validator.validate(new Reached(tokyoToday))).isEmpty();
        assertThat(validator.validate(new Planned(tokyoToday))).isEmpty();
        assertThat(validator.validate(new Since(tokyoMonth))).isEmpty();
        assertThat(validator.validate(new Reached(tokyoToday.plusDays(1)))).hasSize(1);
        assertThat(validator.validate(new Planned(tokyoToday.minusDays(1)))).hasSize(1);
        assertThat(validator.validate(new Since(tokyoMonth.plusMonths(1)))).hasSize(1);
    }

    @Test
    void theValidatorsClockIsTokyos() {
        assertThat(validatorFactory.getClockProvider().getClock().getZone()).isEqualTo(Tokyo.ZONE);
    }
}
