package jp.tsunagu.cases.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report as CSV for spreadsheet software. */
class ActivityReportCsvTest {

    private static final ReportPeriod JUNE = new ReportPeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));

    @Test
    void startsWithTheByteOrderMarkAndHasOneRowPerCellUnderBilingualHeaders() {
        ActivityReport report = new ActivityTally().add(ReportSection.CONSULTATIONS_BY_CHANNEL, "PHONE", 42)
                .add(ReportSection.CONSULTATIONS_BY_CHANNEL, "CENTER_VISIT", 3)
                // the same 45 consultations by who: with a small cell there too, neither gives the other away
                .add(ReportSection.CONSULTATIONS_BY_WITH, "SUBJECT", 40).add(ReportSection.CONSULTATIONS_BY_WITH, "AGENCY", 5)
                .report(JUNE, SmallCellMask.below(10));
        byte[] bytes = ActivityReportCsv.utf8WithBom(report);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContain("\n\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("区分 / section,項目 / item,件数 / count,区分コード / section code,項目コード / item code");
        int cells = Arrays.stream(ReportSection.values()).mapToInt(s -> s.items().size()).sum();
        assertThat(lines).hasSize(1 + cells);
        assertThat(lines.get(1)).isEqualTo("相談件数（方法別）,電話,42,CONSULTATIONS_BY_CHANNEL,PHONE");
        assertThat(lines.get(2)).isEqualTo("相談件数（方法別）,来所,<10,CONSULTATIONS_BY_CHANNEL,CENTER_VISIT");
        assertThat(lines.get(3)).isEqualTo("相談件数（方法別）,メール,0,CONSULTATIONS_BY_CHANNEL,EMAIL");
        assertThat(lines.getLast()).isEqualTo("問い合わせ件数（紹介先の機関種別）,その他,0,INQUIRIES_BY_REFERRED_TO,OTHER");
    }

    @Test
    void unmaskedItShowsEveryCount() {
        ActivityReport report = new ActivityTally().add(ReportSection.CASES, "NEW", 3).report(JUNE, SmallCellMask.NONE);
        assertThat(ActivityReportCsv.text(report)).contains("\r\nケース数,新規,3,CASES,NEW\r\n").doesNotContain("<");
    }

    @Test
    void quotesAFieldWithACommaAQuoteOrALineBreak() {
        assertThat(ActivityReportCsv.quoted("電話")).isEqualTo("電話");
        assertThat(ActivityReportCsv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(ActivityReportCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ActivityReportCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
