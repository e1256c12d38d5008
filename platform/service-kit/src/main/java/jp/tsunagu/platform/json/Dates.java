package jp.tsunagu.platform.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * The dates and timestamps the API accepts, read one way for bodies and query parameters alike:
 * only the contract's ISO formats, and only years {@value #MIN_YEAR} to {@value #MAX_YEAR}. A year 0,
 * a negative one or {@code +999999999} is a typing error or an attack, never a date of the field; the
 * database could not even store most of them.
 */
public final class Dates {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;

    public static final String DATE = "a date YYYY-MM-DD from " + MIN_YEAR + "-01-01 to " + MAX_YEAR + "-12-31";
    public static final String TIMESTAMP = "a timestamp with offset, e.g. 2026-11-25T10:00:00+09:00, in the years "
            + MIN_YEAR + " to " + MAX_YEAR;
    public static final String MONTH = "a month YYYY-MM from " + MIN_YEAR + "-01 to " + MAX_YEAR + "-12";

    private static final DateTimeFormatter YEAR_MONTH = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** {@code 2026-11-25}. */
    public static Optional<LocalDate> date(String text) {
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return inRange(date.getYear()) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code 2026-11-25T10:00:00+09:00} (or {@code Z}); the offset is required. */
    public static Optional<OffsetDateTime> timestamp(String text) {
        try {
            OffsetDateTime timestamp = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return inRange(timestamp.getYear()) ? Optional.of(timestamp) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A timestamp as {@link #timestamp} reads it, as an instant. */
    public static Optional<Instant> instant(String text) {
        return timestamp(text).map(OffsetDateTime::toInstant);
    }

    /** {@code 2019-04}. */
    public static Optional<YearMonth> month(String text) {
        try {
            YearMonth month = YearMonth.parse(text, YEAR_MONTH);
            return inRange(month.getYear()) ? Optional.of(month) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
