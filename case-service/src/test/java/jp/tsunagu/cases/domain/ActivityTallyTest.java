package jp.tsunagu.cases.domain;

import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What counts where in the activity report, before and after masking. */
class ActivityTallyTest {

    private static final ReportPeriod JUNE = new ReportPeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));

    @Test
    void everySectionHoldsEveryItemOfItsClosedSetAtZeroInOrder() {
        ActivityReport report = new ActivityTally().report(JUNE, SmallCellMask.NONE);
        assertThat(report.sections().keySet()).containsExactly(ReportSection.values());
        for (ReportSection section : ReportSection.values()) {
            assertThat(List.copyOf(report.cells(section).keySet())).as(section.name()).isEqualTo(section.items());
            assertThat(report.cells(section).values()).as(section.name()).allMatch(count -> count == 0L);
        }
        assertThat(report.cells(ReportSection.SUBJECTS_BY_AGE_BAND).keySet())
                .containsExactly(Arrays.stream(AgeBand.values()).map(Enum::name).toArray(String[]::new));
        assertThat(report.cells(ReportSection.HOME_VISITS_BY_OUTCOME).keySet())
                .containsExactly("MET_SUBJECT", "MET_FAMILY_ONLY", "NOT_MET");
        assertThat(report.cells(ReportSection.OTHER_VISITS_BY_KIND).keySet())
                .containsExactly("OUTING", "ACCOMPANIMENT", "FAMILY_SESSION");
        assertThat(report.cells(ReportSection.FAMILY_CONSULTATIONS_BY_RELATION).keySet()).last().isEqualTo("UNKNOWN");
        assertThat(report.maskedBelow()).isNull();
        assertThat(report.period()).isEqualTo(JUNE);
    }

    @Test
    void aHomeVisitCountsByOutcomeAnyOtherByKindAndACancelledOneNowhere() {
        ActivityTally tally = new ActivityTally()
                .visits(VisitKind.HOME, VisitOutcome.MET_SUBJECT, 2)
                .visits(VisitKind.HOME, VisitOutcome.NOT_MET, 3)
                .visits(VisitKind.HOME, VisitOutcome.NOT_MET, 1)
                .visits(VisitKind.HOME, VisitOutcome.CANCELLED, 7)
                .visits(VisitKind.OUTING, VisitOutcome.MET_SUBJECT, 1)
                .visits(VisitKind.OUTING, VisitOutcome.CANCELLED, 1)
                .visits(VisitKind.ACCOMPANIMENT, VisitOutcome.MET_SUBJECT, 4)
                .visits(VisitKind.FAMILY_SESSION, VisitOutcome.MET_FAMILY_ONLY, 5);
        ActivityReport report = tally.report(JUNE, SmallCellMask.NONE);
        assertThat(report.cells(ReportSection.HOME_VISITS_BY_OUTCOME))
                .containsExactly(Map.entry("MET_SUBJECT", 2L), Map.entry("MET_FAMILY_ONLY", 0L), Map.entry("NOT_MET", 4L));
        assertThat(report.cells(ReportSection.OTHER_VISITS_BY_KIND))
                .containsExactly(Map.entry("OUTING", 1L), Map.entry("ACCOMPANIMENT", 4L), Map.entry("FAMILY_SESSION", 5L));
    }

    @Test
    void aCaseOfThePeriodIsNewOrOngoingAndItsSubjectIsBandedOnTheLastDay() {
        LocalDate last = JUNE.to();
        ActivityReport report = new ActivityTally()
                .caseOfPeriod(true, last, LocalDate.of(1990, 7, 1), null, "2019-04")   // 35 on 06-30, 7 years
                .caseOfPeriod(true, last, LocalDate.of(1990, 6, 30), null, "2026-01")  // 36 on 06-30, 5 months
                .caseOfPeriod(false, last, null, 1986, "2025-12")                      // 39 or 40: 39, 6 months
                .caseOfPeriod(false, last, null, null, "2000-06")                      // unknown age, 26 years
                .report(JUNE, SmallCellMask.NONE);
        assertThat(report.cells(ReportSection.CASES))
                .containsExactly(Map.entry("NEW", 2L), Map.entry("ONGOING", 2L), Map.entry("CLOSED", 0L));
        assertThat(report.cells(ReportSection.SUBJECTS_BY_AGE_BAND)).containsEntry("AGE_30_TO_39", 3L)
                .containsEntry("UNKNOWN", 1L).containsEntry("AGE_40_TO_49", 0L);
        assertThat(report.cells(ReportSection.SUBJECTS_BY_WITHDRAWAL_LENGTH)).containsEntry("YEARS_5_TO_9", 1L)
                .containsEntry("UNDER_6_MONTHS", 1L).containsEntry("MONTHS_6_TO_11", 1L)
                .containsEntry("YEARS_20_OR_MORE", 1L).containsEntry("UNKNOWN", 0L);
    }

    @Test
    void anItemOutsideTheClosedSetIsAFault() {
        assertThatThrownBy(() -> new ActivityTally().add(ReportSection.CONSULTATIONS_BY_CHANNEL, "VISIT", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VISIT");
        assertThatThrownBy(() -> new ActivityTally().addAll(ReportSection.INQUIRIES_BY_AGE_BAND, Map.of("AGE_30S", 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportMasksItsSmallCellsAndSaysBelowWhat() {
        ActivityReport report = new ActivityTally()
                .addAll(ReportSection.CONSULTATIONS_BY_CHANNEL, Map.of("PHONE", 12L, "CENTER_VISIT", 9L, "EMAIL", 1L))
                .add(ReportSection.INQUIRIES, "TOTAL", 10)
                .add(ReportSection.INQUIRIES, "BECAME_CASE", 2)
                .report(JUNE, SmallCellMask.below(10));
        assertThat(report.maskedBelow()).isEqualTo(10);
        assertThat(report.cells(ReportSection.CONSULTATIONS_BY_CHANNEL)).containsEntry("PHONE", 12L)
                .containsEntry("CENTER_VISIT", null).containsEntry("EMAIL", null).containsEntry("ONLINE", 0L)
                .containsEntry("OTHER", 0L);
        assertThat(report.cells(ReportSection.INQUIRIES)).containsEntry("TOTAL", 10L).containsEntry("BECAME_CASE", null);
    }
}
