package jp.tsunagu.cases.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secondary suppression in the activity report: a small cell masked alone is worked out again from
 * a sum the report shows elsewhere; with its complement masked too it is not.
 */
class SecondarySuppressionTest {

    private static final ReportPeriod JUNE = new ReportPeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));

    /** 30 consultations: by channel 20 + 10 shown whole, by who 25 + 5: the 5 is the total less 25. */
    private static ActivityTally thirtyConsultations() {
        return new ActivityTally().consultations("PHONE", "SUBJECT", null, 20)
                .consultations("CENTER_VISIT", "SUBJECT", null, 5)
                .consultations("CENTER_VISIT", "FAMILY", "MOTHER", 5);
    }

    @Test
    void aSmallCellIsNotLeftToBeWorkedOutFromAnotherSectionsTotal() {
        ActivityReport report = thirtyConsultations().report(JUNE, SmallCellMask.below(10));
        Map<String, Long> byChannel = report.cells(ReportSection.CONSULTATIONS_BY_CHANNEL);
        Map<String, Long> byWith = report.cells(ReportSection.CONSULTATIONS_BY_WITH);
        assertThat(byWith.get("FAMILY")).as("the small cell").isNull();
        // the attacker's sum: whatever the channels show whole, less what is shown by who
        boolean channelsWhole = byChannel.values().stream().allMatch(java.util.Objects::nonNull);
        long shownByWith = byWith.values().stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
        long maskedByWith = byWith.values().stream().filter(java.util.Objects::isNull).count();
        assertThat(channelsWhole && maskedByWith == 1).as("FAMILY = %s - %s could be worked out",
                byChannel, shownByWith).isFalse();
        assertThat(byWith.get("SUBJECT")).as("its complement, masked too").isNull();
        // the family's relation: the mother's 5 alone would be the FAMILY cell, now masked itself
        assertThat(report.cells(ReportSection.FAMILY_CONSULTATIONS_BY_RELATION).get("MOTHER")).isNull();
    }

    @Test
    void withoutMaskingTheSupervisorSeesEveryCountAndNothingIsSuppressed() {
        ActivityReport report = thirtyConsultations().report(JUNE, SmallCellMask.NONE);
        assertThat(report.cells(ReportSection.CONSULTATIONS_BY_WITH)).containsEntry("SUBJECT", 25L).containsEntry("FAMILY", 5L);
        assertThat(report.cells(ReportSection.CONSULTATIONS_BY_CHANNEL)).containsEntry("PHONE", 20L)
                .containsEntry("CENTER_VISIT", 10L);
    }

    @Test
    void twoSmallCellsThatCanOnlyBeOnesAreProtectedToo() {
        // inquiries: TOTAL 12 shown; by channel PHONE 10, EMAIL 1, ONLINE 1 -> the two masked add up to 2: both are 1
        ActivityTally tally = new ActivityTally();
        tally.inquiries("PHONE", "FAMILY", null, null, false, 10);
        tally.inquiries("EMAIL", "FAMILY", null, null, false, 1);
        tally.inquiries("ONLINE", "FAMILY", null, null, false, 1);
        ActivityReport report = tally.report(JUNE, SmallCellMask.below(10));
        assertThat(report.cells(ReportSection.INQUIRIES_BY_CHANNEL).get("EMAIL")).isNull();
        assertThat(report.cells(ReportSection.INQUIRIES_BY_CHANNEL).get("ONLINE")).isNull();
        assertThat(report.cells(ReportSection.INQUIRIES_BY_CHANNEL).get("PHONE")).as("masked as the complement").isNull();
    }

    @Test
    void cellsThatGiveNothingAwayStayShown() {
        // 40 and 30 by channel, 50 and 20 by who: nothing small, nothing masked
        ActivityTally tally = new ActivityTally().consultations("PHONE", "SUBJECT", null, 40)
                .consultations("EMAIL", "SUBJECT", null, 10).consultations("EMAIL", "FAMILY", "FATHER", 20);
        ActivityReport report = tally.report(JUNE, SmallCellMask.below(10));
        assertThat(report.cells(ReportSection.CONSULTATIONS_BY_CHANNEL)).containsEntry("PHONE", 40L).containsEntry("EMAIL", 30L);
        assertThat(report.cells(ReportSection.CONSULTATIONS_BY_WITH)).containsEntry("SUBJECT", 50L).containsEntry("FAMILY", 20L);
    }
}
