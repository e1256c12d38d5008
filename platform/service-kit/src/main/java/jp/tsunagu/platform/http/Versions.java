package jp.tsunagu.platform.http;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.StaleVersionException;
import jp.tsunagu.platform.problem.VersionRequiredException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag ({@code "3"}); an update names
 * the version it changes in {@code If-Match}.
 */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when missing, 400 when not one of our tags. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        Matcher matcher = TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "must be an ETag this API sent, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Fails with 412 and the current version unless the client changes what is current. */
    public static void check(long expected, long current) {
        if (expected != current) {
            throw new StaleVersionException(expected, current);
        }
    }
}
