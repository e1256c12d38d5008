package jp.tsunagu.notifications.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The signature of a partner webhook after Standard Webhooks 1.0: {@code v1,} and the base64 of
 * the HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} under the agency's secret
 * ({@code whsec_} and the base64 of the key). The key never leaves this object, not even in
 * {@link #toString} or an error message.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";

    private final byte[] key;

    private WebhookSignature(byte[] key) {
        this.key = key;
    }

    /** The signer for a {@code whsec_} secret; refuses anything else without repeating it. */
    public static WebhookSignature withSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + SECRET_PREFIX + " and base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret has a key");
        }
        return new WebhookSignature(key);
    }

    /** The {@code webhook-signature} header's value for this id, timestamp (epoch seconds) and body. */
    public String sign(String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[key hidden]";
    }
}
