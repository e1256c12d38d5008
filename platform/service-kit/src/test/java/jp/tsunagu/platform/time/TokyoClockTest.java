package jp.tsunagu.platform.time;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @PastOrPresent} compares with Tokyo's today, whatever the JVM's zone. */
@QuarkusTest
class TokyoClockTest {

    record Recorded(@PastOrPresent LocalDate on, @PastOrPresent YearMonth since) {
    }

    @Inject
    ValidatorFactory validation;

    @Inject
    Validator validator;

    @Test
    void validationKnowsTokyoTime() {
        assertThat(validation.getClockProvider().getClock().getZone()).isEqualTo(Tokyo.ZONE);
        assertThat(validator.validate(new Recorded(Tokyo.today(), YearMonth.now(Tokyo.ZONE)))).isEmpty();
        assertThat(validator.validate(new Recorded(Tokyo.today().plusDays(1), YearMonth.now(Tokyo.ZONE).plusMonths(1))))
                .hasSize(2);
    }
}
