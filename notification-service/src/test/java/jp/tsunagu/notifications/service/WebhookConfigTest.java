package jp.tsunagu.notifications.service;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.testkit.TypedConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhooks' settings are typed: what the service ships maps, and a typo fails the start. */
class WebhookConfigTest {

    private static TypedConfig notificationService() {
        return TypedConfig.of(PlatformConfig.class, WebhookConfig.class, NotificationConfig.class,
                jp.tsunagu.platform.caseview.CaseServiceConfig.class);
    }

    @Test
    void theShippedSettingsMap() {
        WebhookConfig config = notificationService().build().getConfigMapping(WebhookConfig.class);
        assertThat(config.dispatchInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.dispatchPaused()).isFalse();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.batchSize()).isEqualTo(100);
        assertThat(config.jitter()).isEqualTo(0.1);
        assertThat(config.referralServiceUrl()).isEqualTo(URI.create("http://127.0.0.1:8083"));
    }

    @Test
    void anEnvironmentVariableSetsIt() {
        SmallRyeConfig config = notificationService().withEnvironment("TSUNAGU_WEBHOOKS_REFERRAL_SERVICE_URL", "http://referral-service.tsunagu.svc:8083")
                .withEnvironment("TSUNAGU_WEBHOOKS_DISPATCH_INTERVAL", "250ms").build();
        assertThat(config.getConfigMapping(WebhookConfig.class).referralServiceUrl()).isEqualTo(URI.create("http://referral-service.tsunagu.svc:8083"));
        assertThat(config.getConfigMapping(WebhookConfig.class).dispatchInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aTypoFailsTheStart() {
        assertThatThrownBy(() -> notificationService().with("tsunagu.webhooks.dispatch-intervall", "1s").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.webhooks.dispatch-intervall");
        assertThatThrownBy(() -> notificationService().with("tsunagu.webhooks.read-timeout", "long").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.webhooks.read-timeout");
    }
}
