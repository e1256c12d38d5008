package jp.tsunagu.cases.service;

import io.smallrye.config.ConfigValidationException;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.testkit.TypedConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** case-service's report settings are typed: the shipped threshold is 10, and a typo fails the start. */
class ReportConfigTest {

    private static TypedConfig caseService() {
        return TypedConfig.of(PlatformConfig.class, ReportConfig.class);
    }

    @Test
    void theShippedThresholdIsTenAndCanBeSet() {
        assertThat(caseService().build().getConfigMapping(ReportConfig.class).smallCellThreshold()).isEqualTo(10);
        assertThat(caseService().withEnvironment("TSUNAGU_REPORTS_SMALL_CELL_THRESHOLD", "5").build()
                .getConfigMapping(ReportConfig.class).smallCellThreshold()).isEqualTo(5);
    }

    @Test
    void aTypoOrAWordFailsTheStart() {
        assertThatThrownBy(() -> caseService().with("tsunagu.reports.small-cell-treshold", "5").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.reports.small-cell-treshold");
        assertThatThrownBy(() -> caseService().with("tsunagu.reports.small-cell-threshold", "ten").build())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("tsunagu.reports.small-cell-threshold");
    }
}
