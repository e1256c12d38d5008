package jp.tsunagu.platform.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamptz} column of a native query, as whichever type the JDBC driver handed it over in. */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant of the column's value; null for null. */
    public static Instant instant(Object value) {
        return value == null ? null
                : value instanceof Instant instant ? instant
                : value instanceof OffsetDateTime offset ? offset.toInstant()
                : ((Timestamp) value).toInstant();
    }
}
