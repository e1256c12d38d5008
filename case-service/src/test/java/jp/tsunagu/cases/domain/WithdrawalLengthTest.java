package jp.tsunagu.cases.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The length of withdrawal on a day, in calendar months from the month it began, as a table. */
class WithdrawalLengthTest {

    @ParameterizedTest(name = "since {0}, on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # since  | on         | band
            2026-06  | 2026-06-30 | UNDER_6_MONTHS
            2026-01  | 2026-06-30 | UNDER_6_MONTHS
            2025-12  | 2026-06-01 | MONTHS_6_TO_11
            2025-07  | 2026-06-30 | MONTHS_6_TO_11
            2025-06  | 2026-06-01 | YEARS_1_TO_2
            2023-07  | 2026-06-30 | YEARS_1_TO_2
            2023-06  | 2026-06-30 | YEARS_3_TO_4
            2021-07  | 2026-06-30 | YEARS_3_TO_4
            2021-06  | 2026-06-30 | YEARS_5_TO_9
            2016-07  | 2026-06-30 | YEARS_5_TO_9
            2016-06  | 2026-06-01 | YEARS_10_TO_19
            2006-07  | 2026-06-30 | YEARS_10_TO_19
            2006-06  | 2026-06-30 | YEARS_20_OR_MORE
            1990-01  | 2026-06-30 | YEARS_20_OR_MORE
            2026-07  | 2026-06-30 | UNKNOWN
            2026-13  | 2026-06-30 | UNKNOWN
            2026-6   | 2026-06-30 | UNKNOWN
            -        | 2026-06-30 | UNKNOWN
            """)
    void bandsTheMonthsFromTheMonthItBegan(String since, LocalDate on, WithdrawalLength band) {
        assertThat(WithdrawalLength.on(on, since.equals("-") ? null : since)).isEqualTo(band);
    }

    @ParameterizedTest(name = "{0} months: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -1  | UNKNOWN
            0   | UNDER_6_MONTHS
            5   | UNDER_6_MONTHS
            6   | MONTHS_6_TO_11
            11  | MONTHS_6_TO_11
            12  | YEARS_1_TO_2
            35  | YEARS_1_TO_2
            36  | YEARS_3_TO_4
            59  | YEARS_3_TO_4
            60  | YEARS_5_TO_9
            119 | YEARS_5_TO_9
            120 | YEARS_10_TO_19
            239 | YEARS_10_TO_19
            240 | YEARS_20_OR_MORE
            """)
    void bandsOfMonths(long months, WithdrawalLength band) {
        assertThat(WithdrawalLength.ofMonths(months)).isEqualTo(band);
    }
}
