package jp.tsunagu.cases.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How long the person has been withdrawn (ひきこもり期間) on a day, in the bands the activity report
 * counts. Withdrawal is recorded by month ({@code withdrawalSince}, YYYY-MM), so the length is
 * counted in calendar months from that month to the day's month: since 2025-12, on any day of
 * 2026-06 it is 6 months. Hikikomori is withdrawal of 6 months or more; UNDER_6_MONTHS counts the
 * people the center supports before that. UNKNOWN when the month is missing, malformed, or after
 * the day.
 */
public enum WithdrawalLength {
    /** 0 to 5 months. */
    UNDER_6_MONTHS,
    /** 6 to 11 months. */
    MONTHS_6_TO_11,
    /** 1 year to under 3 years (12 to 35 months). */
    YEARS_1_TO_2,
    /** 3 years to under 5 years. */
    YEARS_3_TO_4,
    /** 5 years to under 10 years. */
    YEARS_5_TO_9,
    /** 10 years to under 20 years. */
    YEARS_10_TO_19,
    /** 20 years or more. */
    YEARS_20_OR_MORE,
    UNKNOWN;

    /** The band of a length in whole calendar months; UNKNOWN when negative. */
    public static WithdrawalLength ofMonths(long months) {
        if (months < 0) {
            return UNKNOWN;
        }
        if (months < 6) {
            return UNDER_6_MONTHS;
        }
        if (months < 12) {
            return MONTHS_6_TO_11;
        }
        long years = months / 12;
        if (years < 3) {
            return YEARS_1_TO_2;
        }
        if (years < 5) {
            return YEARS_3_TO_4;
        }
        if (years < 10) {
            return YEARS_5_TO_9;
        }
        return years < 20 ? YEARS_10_TO_19 : YEARS_20_OR_MORE;
    }

    /** The band on {@code day} of a withdrawal since {@code since}. */
    public static WithdrawalLength on(LocalDate day, YearMonth since) {
        return since == null ? UNKNOWN : ofMonths(ChronoUnit.MONTHS.between(since, YearMonth.from(day)));
    }

    /** The band on {@code day} of a withdrawal since a month written YYYY-MM, as stored. */
    public static WithdrawalLength on(LocalDate day, String since) {
        if (since == null) {
            return UNKNOWN;
        }
        try {
            return on(day, YearMonth.parse(since));
        } catch (DateTimeParseException e) {
            return UNKNOWN;
        }
    }
}
