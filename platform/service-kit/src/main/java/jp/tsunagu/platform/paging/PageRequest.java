package jp.tsunagu.platform.paging;

import jp.tsunagu.platform.problem.InvalidRequestException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code limit} (default 50, at most 200) and an opaque {@code cursor} naming the sort key of the
 * last item seen, for keyset pagination.
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(Cursor::decode));
    }

    /**
     * Cuts a list fetched with {@code limit + 1} rows into a page: the extra row only tells that a
     * next page exists, and the cursor is the key of the last row kept.
     */
    public <T> Page<T> page(List<T> fetchedPlusOne, Function<T, Cursor> keyOf) {
        if (fetchedPlusOne.size() <= limit) {
            return new Page<>(fetchedPlusOne, null);
        }
        List<T> items = fetchedPlusOne.subList(0, limit);
        return new Page<>(List.copyOf(items), keyOf.apply(items.get(items.size() - 1)).encode());
    }
}
