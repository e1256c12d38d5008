package jp.tsunagu.referrals.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http(s) URL with a host, in ASCII (as HSDS's {@code uri} format and HTTP clients want it). */
public final class WebAddress {

    public static final int MAX_LENGTH = 2000;

    private WebAddress() {
    }

    /** The parsed URL; 400 on {@code field} if it is not one. */
    public static URI parse(String url, String field) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequestException(field, "must be an absolute http(s) URL of at most " + MAX_LENGTH
                    + " ASCII characters (percent-encode the rest)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidRequestException(field, "must be an absolute http(s) URL with a host");
        }
        return uri;
    }
}
