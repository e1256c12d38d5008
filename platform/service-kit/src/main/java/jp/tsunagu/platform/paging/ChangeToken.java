package jp.tsunagu.platform.paging;

import jp.tsunagu.platform.problem.InvalidRequestException;

/** The opaque {@code since} token of a delta feed: a point of the service's change clock. */
public final class ChangeToken {

    private ChangeToken() {
    }

    /** The point a token names; no token means from the beginning. */
    public static long since(String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        try {
            return Cursor.decode(token).number(0);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("since", "not a token this API gave out");
        }
    }

    public static String of(long point) {
        return Cursor.of(point).encode();
    }
}
