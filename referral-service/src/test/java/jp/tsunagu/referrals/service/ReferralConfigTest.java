package jp.tsunagu.referrals.service;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import jp.tsunagu.platform.caseview.CaseServiceConfig;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.testkit.TypedConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** referral-service's settings are typed: what it ships maps, and a typo in a tsunagu.* key fails the start. */
class ReferralConfigTest {

    private static TypedConfig referralService() {
        return TypedConfig.of(PlatformConfig.class, CaseServiceConfig.class, ReferralConfig.class);
    }

    @Test
    void theShippedSettingsMap() {
        SmallRyeConfig config = referralService().build();
        assertThat(config.getConfigMapping(ReferralConfig.class).overdueCheck()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anEnvironmentVariableSetsIt() {
        SmallRyeConfig config = referralService().withEnvironment("TSUNAGU_REFERRALS_OVERDUE_CHECK", "30s").build();
        assertThat(config.getConfigMapping(ReferralConfig.class).overdueCheck()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aTypoFailsTheStart() {
        assertThatThrownBy(() -> referralService().with("tsunagu.referrals.overdue-chek", "1m").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.referrals.overdue-chek");
        assertThatThrownBy(() -> referralService().with("tsunagu.referrals.overdue-check", "often").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.referrals.overdue-check");
    }
}
