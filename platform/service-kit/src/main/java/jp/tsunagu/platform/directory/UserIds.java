package jp.tsunagu.platform.directory;

import java.util.regex.Pattern;

/** The shape of a user id: Keycloak's user id (the token's {@code sub}), a UUID in lower case. */
public final class UserIds {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private UserIds() {
    }

    public static boolean isWellFormed(String userId) {
        return userId != null && SHAPE.matcher(userId).matches();
    }
}
