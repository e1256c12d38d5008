package jp.tsunagu.referrals.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Where an agency's referral notifications are delivered: an absolute {@code https} URL, or
 * {@code http} only to this machine (127.0.0.1, localhost, [::1]) for local runs. No user info in
 * it (credentials belong in the signing secret) and no fragment.
 */
public final class WebhookEndpoint {

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private WebhookEndpoint() {
    }

    /** The URL if it is one deliveries may go to; 400 on {@code field} otherwise. */
    public static String validated(String url, String field) {
        URI uri = WebAddress.parse(url, field);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.getScheme().equalsIgnoreCase("https") && !LOCAL_HOSTS.contains(host)) {
            throw new InvalidRequestException(field, "must be https (http only to 127.0.0.1 or localhost, for local runs)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidRequestException(field, "must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidRequestException(field, "must not have a fragment");
        }
        return url;
    }
}
