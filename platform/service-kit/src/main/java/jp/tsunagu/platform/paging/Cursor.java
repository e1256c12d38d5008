package jp.tsunagu.platform.paging;

import jp.tsunagu.platform.problem.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** The sort key of the last item of a page, opaque to clients (base64url of its parts). */
public record Cursor(List<String> parts) {

    private static final String SEPARATOR = "\u001f";

    public static Cursor of(Object... parts) {
        return new Cursor(Arrays.stream(parts).map(String::valueOf).toList());
    }

    public String part(int index) {
        return parts.get(index);
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
            throw new InvalidRequestException("cursor", "not a cursor this API gave out");
        }
    }
}
