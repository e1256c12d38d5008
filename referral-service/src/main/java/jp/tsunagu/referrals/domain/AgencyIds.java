package jp.tsunagu.referrals.domain;

import java.util.regex.Pattern;

/**
 * An agency's id: a lowercase slug such as {@code tokyo-health-center}, the same as the
 * {@code agency_id} claim its Keycloak client puts in its tokens.
 */
public final class AgencyIds {

    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final int MAX_LENGTH = 63;
    private static final Pattern SLUG = Pattern.compile(PATTERN);

    private AgencyIds() {
    }

    /** Whether {@code id} could name an agency at all (anything else is simply not found). */
    public static boolean isWellFormed(String id) {
        return id != null && id.length() <= MAX_LENGTH && SLUG.matcher(id).matches();
    }
}
