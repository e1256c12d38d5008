package jp.tsunagu.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The centers' time: API timestamps carry the Asia/Tokyo offset, and days are Tokyo days. */
public final class Tokyo {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private Tokyo() {
    }

    /** The instant as the API shows it ({@code ...+09:00}); null stays null. */
    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZONE);
    }

    /** The Tokyo day of an instant. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The instant a Tokyo day starts. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
