package jp.tsunagu.platform.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import jp.tsunagu.testkit.TypedConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code tsunagu.*} is typed configuration: the kit's defaults map onto {@link PlatformConfig}, a
 * key it does not know (a typo) fails the start, and the test harness's switches stay out of the
 * prefix.
 */
class PlatformConfigTest {

    @Test
    void theKitsDefaultsMapOntoTheTypedConfiguration() {
        PlatformConfig config = TypedConfig.of(PlatformConfig.class).build().getConfigMapping(PlatformConfig.class);
        assertThat(config.outbox().sweepInterval()).isEqualTo(Duration.ofSeconds(1)); // the test's own setting
        assertThat(config.idempotency().retention()).isEqualTo(Duration.ofHours(24));
        assertThat(config.inbox().attempts()).isEqualTo(3);
        assertThat(config.eventSource()).isEqualTo("/tsunagu/service-kit-test");
    }

    @Test
    void aTypoInATsunaguSettingFailsTheStart() {
        assertThatThrownBy(() -> TypedConfig.of(PlatformConfig.class).with("tsunagu.outbox.sweep-intervall", "5s").build())
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("tsunagu.outbox.sweep-intervall");
        assertThatThrownBy(() -> TypedConfig.of(PlatformConfig.class).with("tsunagu.infra", "containers").build())
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("tsunagu.infra");
    }

    @Test
    void theHarnessSwitchesAndTheDeploymentsEnvironmentAreNoTypos() {
        SmallRyeConfig config = TypedConfig.of(PlatformConfig.class).with("testkit.infra", "containers")
                .withEnvironment("TSUNAGU_OIDC_URL", "http://127.0.0.1:8180/realms/tsunagu")
                .withEnvironment("TSUNAGU_CASE_SERVICE_URL", "http://127.0.0.1:8081").build();
        assertThat(config.getValue("testkit.infra", String.class)).isEqualTo("containers");
    }
}
