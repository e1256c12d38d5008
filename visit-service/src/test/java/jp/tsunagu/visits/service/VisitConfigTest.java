package jp.tsunagu.visits.service;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import jp.tsunagu.platform.caseview.CaseServiceConfig;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.testkit.TypedConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** visit-service's settings are typed: what it ships maps, and a typo in a tsunagu.* key fails the start. */
class VisitConfigTest {

    private static TypedConfig visitService() {
        return TypedConfig.of(PlatformConfig.class, CaseServiceConfig.class, VisitConfig.class);
    }

    @Test
    void theShippedSettingsMap() {
        SmallRyeConfig config = visitService().withEnvironment("TSUNAGU_CASE_SERVICE_URL", "http://10.0.0.7:8081")
                .withEnvironment("TSUNAGU_OIDC_URL", "http://10.0.0.8:8180/realms/tsunagu").build();
        assertThat(config.getConfigMapping(VisitConfig.class).overdueCheck()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.getConfigMapping(CaseServiceConfig.class).url()).isEqualTo(URI.create("http://10.0.0.7:8081"));
    }

    @Test
    void aTypoFailsTheStart() {
        assertThatThrownBy(() -> visitService().with("tsunagu.visits.overdue-chek", "1m").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.visits.overdue-chek");
        assertThatThrownBy(() -> visitService().with("tsunagu.case-service.uri", "http://x").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.case-service.uri");
        assertThatThrownBy(() -> visitService().with("tsunagu.visits.overdue-check", "often").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.visits.overdue-check");
    }
}
