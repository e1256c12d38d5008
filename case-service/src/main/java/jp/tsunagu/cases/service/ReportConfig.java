package jp.tsunagu.cases.service;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;

/** case-service's settings of its de-identified counts ({@code tsunagu.reports.*}): /stats and the activity report. */
@ConfigMapping(prefix = "tsunagu.reports")
public interface ReportConfig {

    /**
     * In what a center's own system exports, counts from 1 to one less than this are masked (Japan's
     * NDB open data masks counts under 10); zero never is. 1 masks nothing.
     */
    @Min(1)
    int smallCellThreshold();
}
