package jp.tsunagu.notifications.domain;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our signature is Standard Webhooks 1.0's: it reproduces the specification's published test
 * vector, and the specification's own Java library (com.standardwebhooks:standardwebhooks) accepts
 * what we sign and refuses it under another secret, another body or another id.
 */
class WebhookSignatureTest {

    /** The test vector published with the Standard Webhooks specification. */
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final String VECTOR_BODY = "{\"test\": 2432232314}";
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a 32-byte key for webhook tests!".getBytes());

    @Test
    void reproducesThePublishedTestVector() {
        assertThat(WebhookSignature.withSecret(VECTOR_SECRET).sign(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY))
                .isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void theLibrarysVerifierAcceptsWhatWeSign() throws Exception {
        String id = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"referral.requested.v1\",\"timestamp\":\"2026-11-25T10:00:00+09:00\",\"data\":{\"urgency\":\"緊急\"}}";
        String signature = WebhookSignature.withSecret(SECRET).sign(id, now, body);

        assertThatCode(() -> new Webhook(SECRET).verify(body, headers(id, now, signature))).doesNotThrowAnyException();
        // and the library signs the same, byte for byte
        assertThat(new Webhook(SECRET).sign(id, now, body)).isEqualTo(signature);
    }

    @Test
    void theLibrarysVerifierRefusesAnotherSecretBodyOrId() {
        String id = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"consent.withdrawn.v1\"}";
        String signature = WebhookSignature.withSecret(SECRET).sign(id, now, body);
        String other = "whsec_" + Base64.getEncoder().encodeToString("another 32-byte key, not theirs".getBytes());

        assertThatThrownBy(() -> new Webhook(other).verify(body, headers(id, now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(SECRET).verify(body + " ", headers(id, now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(SECRET).verify(body, headers(UUID.randomUUID().toString(), now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_***not base64***", "secret_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})
    void refusesWhatIsNoSecretWithoutRepeatingIt(String secret) {
        assertThatThrownBy(() -> WebhookSignature.withSecret(secret)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                        .doesNotContain("not base64"));
    }

    @Test
    void neverShowsItsKey() {
        assertThat(WebhookSignature.withSecret(VECTOR_SECRET).toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        PartnerEndpoint endpoint = new PartnerEndpoint("tokyo-police", "https://example.jp/h", VECTOR_SECRET,
                java.util.Optional.empty());
        assertThat(endpoint.toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(endpoint.fingerprint()).hasSize(64).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
