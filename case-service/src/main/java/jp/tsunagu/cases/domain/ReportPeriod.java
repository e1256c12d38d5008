package jp.tsunagu.cases.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import jp.tsunagu.platform.time.Tokyo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The period of a count (統計期間): Tokyo days from {@code from} to {@code to}, both included, at
 * most 5 years. Shared by the stats and the activity report.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** Refuses a missing day (by the name of its query parameter) and a period backwards or over 5 years. */
    public ReportPeriod {
        List<Violation> missing = new ArrayList<>();
        if (from == null) {
            missing.add(new Violation("from", "must not be null"));
        }
        if (to == null) {
            missing.add(new Violation("to", "must not be null"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new InvalidRequestException("to", "must be on or after from, within 5 years");
        }
    }

    /** The instant the first day starts in Tokyo. */
    public Instant start() {
        return Tokyo.startOf(from);
    }

    /** The instant after the last day ends in Tokyo (exclusive). */
    public Instant end() {
        return Tokyo.startOf(to.plusDays(1));
    }
}
