package jp.tsunagu.cases.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Timestamps as the API shows them: ISO-8601 with the Asia/Tokyo offset. */
final class Times {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private Times() {
    }

    static OffsetDateTime tokyo(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, TOKYO);
    }
}
