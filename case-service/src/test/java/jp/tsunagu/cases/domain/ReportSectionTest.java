package jp.tsunagu.cases.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's sections: named, defined and labelled in full. */
class ReportSectionTest {

    @Test
    void everySectionAndEveryItemHasAJapaneseLabel() {
        for (ReportSection section : ReportSection.values()) {
            assertThat(ReportLabels.section(section)).as(section.name()).isNotBlank();
            for (String item : section.items()) {
                assertThat(ReportLabels.item(item)).as(section + " " + item).isNotBlank();
            }
        }
        assertThat(ReportLabels.item("CENTER_VISIT")).isEqualTo("来所");
        assertThat(ReportLabels.item("MET_FAMILY_ONLY")).isEqualTo("家族のみに会えた");
        assertThatThrownBy(() -> ReportLabels.item("NOT_AN_ITEM")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySectionIsDefinedAndItsItemsAreDistinct() {
        for (ReportSection section : ReportSection.values()) {
            assertThat(section.definition()).as(section.name()).isNotBlank().endsWith(".");
            assertThat(new HashSet<>(section.items())).as(section.name()).hasSameSizeAs(section.items());
            assertThat(section.items()).as(section.name()).isNotEmpty();
        }
    }

    @Test
    void jsonNamesAreTheCamelCaseOfTheCodesAndDistinct() {
        assertThat(ReportSection.CONSULTATIONS_BY_CHANNEL.jsonName()).isEqualTo("consultationsByChannel");
        assertThat(ReportSection.CASES.jsonName()).isEqualTo("cases");
        assertThat(ReportSection.SUBJECTS_BY_WITHDRAWAL_LENGTH.jsonName()).isEqualTo("subjectsByWithdrawalLength");
        List<String> names = Arrays.stream(ReportSection.values()).map(ReportSection::jsonName).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    }
}
