package jp.tsunagu.referrals.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The key an agency's webhook deliveries are signed with, after Standard Webhooks 1.0:
 * {@code whsec_} followed by the base64 of 24 to 64 random bytes. Write-only: it is set or
 * rotated, and never answered again (its {@link #toString} hides it too).
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    public static final int MIN_BYTES = 24;
    public static final int MAX_BYTES = 64;
    /** What {@link #generate} makes: 32 bytes, as the Standard Webhooks libraries do. */
    static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private WebhookSecret(String value) {
        this.value = value;
    }

    /** A secret given by a client; 400 on {@code field} unless it has the Standard Webhooks shape. */
    public static WebhookSecret parse(String secret, String field) {
        String problem = "must be " + PREFIX + " followed by the base64 of " + MIN_BYTES + " to " + MAX_BYTES + " random bytes";
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new InvalidRequestException(field, problem);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, problem);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new InvalidRequestException(field, problem);
        }
        return new WebhookSecret(secret);
    }

    /** A new secret of {@value #GENERATED_BYTES} random bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The secret itself: to store it, or to answer it the one time it is made. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
