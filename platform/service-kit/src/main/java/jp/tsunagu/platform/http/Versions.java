package jp.tsunagu.platform.http;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.StaleVersionException;
import jp.tsunagu.platform.problem.VersionRequiredException;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag ({@code "3"}); an update names
 * the version it changes in {@code If-Match}. A resource created by its first {@code PUT} takes the
 * preconditions of RFC 9110 ({@link #precondition}).
 */
public final class Versions {

    /** The OpenAPI description of a PUT that creates (a contract change: it needed If-Match: "0" before). */
    public static final String CREATING_PUT = "The first PUT creates it and answers 201 with its ETag: send no If-Match,"
            + " or If-None-Match: * (412 if it exists already). Replacing it needs If-Match with its current ETag"
            + " (428 without, 412 when stale); If-Match: * replaces whatever is current. If-Match: \"0\" still"
            + " means \"none yet\".";

    /** What {@link #required} answers for {@code If-Match: *}: whatever version is current. */
    public static final long ANY = -1;

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names, {@link #ANY} for {@code *}; 428 when missing, 400
     * when not one of our tags.
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        return ifMatch.trim().equals("*") ? ANY : parse("If-Match", ifMatch);
    }

    /** Fails with 412 and the current version unless the client changes what is current (or asked for {@link #ANY}). */
    public static void check(long expected, long current) {
        if (expected != ANY && expected != current) {
            throw new StaleVersionException(expected, current);
        }
    }

    /** The preconditions of a {@code PUT} that creates the resource when it does not exist yet. */
    public static Precondition precondition(String ifMatch, String ifNoneMatch) {
        boolean anyCurrent = ifMatch != null && ifMatch.trim().equals("*");
        Long version = ifMatch == null || ifMatch.isBlank() || anyCurrent ? null : parse("If-Match", ifMatch);
        boolean noneCurrent = false;
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw new InvalidRequestException("If-None-Match", "only * (create, not replace) is supported");
            }
            noneCurrent = true;
        }
        return new Precondition(version, anyCurrent, noneCurrent);
    }

    private static long parse(String header, String value) {
        Matcher matcher = TAG.matcher(value.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException(header, "must be an ETag this API sent, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * What a {@code PUT} asks of the current version: {@code If-Match: "n"} that version ("0": none
     * yet), {@code If-Match: *} whatever is current (but something), {@code If-None-Match: *} nothing
     * yet. Without either, it may create, but not replace (428).
     */
    public record Precondition(Long version, boolean anyCurrent, boolean noneCurrent) {

        /** Checks against the current version, empty when the resource does not exist yet. */
        public void check(OptionalLong current) {
            if (noneCurrent && current.isPresent()) {
                throw new StaleVersionException("It exists already (If-None-Match: *)", current.getAsLong());
            }
            if (anyCurrent && current.isEmpty()) {
                throw new StaleVersionException("There is nothing current to match (If-Match: *)", 0);
            }
            if (version != null) {
                Versions.check(version, current.orElse(0));
            }
            if (version == null && !anyCurrent && !noneCurrent && current.isPresent()) {
                throw new VersionRequiredException();
            }
        }
    }

    /** What a {@code PUT} wrote, and whether it created it (201) or replaced it (200). */
    public record Written<T>(T value, boolean created) {
    }
}
