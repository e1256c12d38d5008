package jp.tsunagu.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an agency's webhooks go and the secret they are signed with, as referral-service's directory
 * says now. The secret is never shown: {@link #toString} hides it, and what this service keeps of
 * an endpoint is its {@link #fingerprint()} only.
 *
 * @param rotatedAt when the secret was set; changes with every new secret
 */
public record PartnerEndpoint(String agencyId, String url, String secret, Optional<Instant> rotatedAt) {

    public PartnerEndpoint {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
    }

    /**
     * What identifies this endpoint without telling it: a SHA-256 of its URL and of when its secret
     * was set. A new URL or a new secret is another endpoint (one disabled by a 410 is then tried again).
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((url + "\n" + rotatedAt.map(Instant::toString).orElse("")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public WebhookSignature signature() {
        return WebhookSignature.withSecret(secret);
    }

    @Override
    public String toString() {
        return "PartnerEndpoint[agencyId=" + agencyId + ", secret=hidden]";
    }
}
