package jp.tsunagu.notifications.domain;

import jp.tsunagu.platform.time.Tokyo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import static java.util.Objects.requireNonNull;

/**
 * The hours of the day (Tokyo time) a user wants no e-mail but the urgent ones (通知しない時間帯):
 * from {@code start} up to, not including, {@code end}. A window whose end comes before its start
 * crosses midnight (22:00-07:00 holds 23:30 and 06:59, not 07:00). Minutes, never seconds.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start when they end");
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("quiet hours are whole minutes");
        }
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /** Whether the Tokyo wall-clock time falls within the quiet hours. */
    public boolean contains(LocalTime time) {
        return crossesMidnight()
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    public boolean contains(Instant at) {
        return contains(at.atZone(Tokyo.ZONE).toLocalTime());
    }

    /** The first end of the quiet hours after {@code at}: when a mail held at {@code at} is released. */
    public Instant endAfter(Instant at) {
        ZonedDateTime tokyo = at.atZone(Tokyo.ZONE);
        LocalDate day = tokyo.toLocalDate();
        ZonedDateTime end = day.atTime(this.end).atZone(Tokyo.ZONE);
        return (end.isAfter(tokyo) ? end : day.plusDays(1).atTime(this.end).atZone(Tokyo.ZONE)).toInstant();
    }
}
