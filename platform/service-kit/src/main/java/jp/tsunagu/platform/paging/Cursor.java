package jp.tsunagu.platform.paging;

import jp.tsunagu.platform.json.Dates;
import jp.tsunagu.platform.problem.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The sort key of the last item of a page, opaque to clients (base64url of its parts). A cursor is
 * read back through the typed accessors: whatever a client sends that this API did not give out
 * (well-formed base64 of something else included) is a 400, never a 500.
 */
public record Cursor(List<String> parts) {

    private static final String SEPARATOR = "\u001f";

    public static Cursor of(Object... parts) {
        return new Cursor(Arrays.stream(parts).map(String::valueOf).toList());
    }

    public String part(int index) {
        if (index < 0 || index >= parts.size()) {
            throw foreign();
        }
        return parts.get(index);
    }

    public Instant instant(int index) {
        return read(index, text -> within(Instant.parse(text), Instant.parse(text).atOffset(ZoneOffset.UTC).getYear()));
    }

    public LocalDate date(int index) {
        return read(index, text -> within(LocalDate.parse(text), LocalDate.parse(text).getYear()));
    }

    public UUID uuid(int index) {
        return read(index, text -> {
            UUID id = UUID.fromString(text);
            if (!id.toString().equals(text)) {
                throw new IllegalArgumentException("not a UUID this API wrote");
            }
            return id;
        });
    }

    public long number(int index) {
        return read(index, Long::parseLong);
    }

    /** A text key, e.g. a slug, as {@code wellFormed} says one looks. */
    public String text(int index, Predicate<String> wellFormed) {
        return read(index, text -> {
            if (!wellFormed.test(text)) {
                throw new IllegalArgumentException("not a key this API wrote");
            }
            return text;
        });
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return new Cursor(List.of(decoded.split(SEPARATOR, -1)));
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    private <T> T read(int index, Function<String, T> parse) {
        String text = part(index);
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw foreign();
        }
    }

    /** A time the database can hold, as every time this API wrote is. */
    private static <T> T within(T value, int year) {
        if (year < Dates.MIN_YEAR || year > Dates.MAX_YEAR) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static InvalidRequestException foreign() {
        return new InvalidRequestException("cursor", "not a cursor this API gave out");
    }
}
