package jp.tsunagu.cases.domain;

import java.util.Map;

/**
 * A center's activity report (活動実績報告) for a period: counts only, never a case, a name or a
 * person's date. Every section of {@link ReportSection} in its order, every item of its closed set
 * in its order; a masked cell is {@code null}.
 *
 * @param maskedBelow the smallest count shown when small cells are masked (counts from 1 to one
 *                    less are {@code null}); {@code null} when nothing is masked
 */
public record ActivityReport(ReportPeriod period, Integer maskedBelow, Map<ReportSection, Map<String, Long>> sections) {

    /** The cells of a section, item by item in order; {@code null} for a masked one. */
    public Map<String, Long> cells(ReportSection section) {
        return sections.get(section);
    }
}
