package jp.tsunagu.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small-cell masking as a table: a threshold, a count, what is shown ({@code -} for masked). */
class SmallCellMaskTest {

    @ParameterizedTest(name = "below {0}: {1} shows as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # below | count | shown
            10      | 0     | 0
            10      | 1     | -
            10      | 5     | -
            10      | 9     | -
            10      | 10    | 10
            10      | 11    | 11
            10      | 12345 | 12345
            5       | 4     | -
            5       | 5     | 5
            2       | 1     | -
            2       | 2     | 2
            1       | 0     | 0
            1       | 1     | 1
            """)
    void masksFromOneToBelowTheThreshold(int below, long count, String shown) {
        assertThat(SmallCellMask.below(below).apply(count)).isEqualTo(shown.equals("-") ? null : Long.valueOf(shown));
        assertThat(SmallCellMask.below(below).below()).isEqualTo(below);
    }

    @Test
    void noneMasksNothing() {
        for (long count : new long[] {0, 1, 9, 10, 1000}) {
            assertThat(SmallCellMask.NONE.apply(count)).isEqualTo(count);
        }
        assertThat(SmallCellMask.NONE.below()).isNull();
    }

    @Test
    void aMapKeepsItsOrderAndEveryKey() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("PHONE", 12L);
        counts.put("CENTER_VISIT", 3L);
        counts.put("EMAIL", 0L);
        counts.put("ONLINE", 10L);
        Map<String, Long> shown = SmallCellMask.below(10).apply(counts);
        assertThat(shown).containsExactly(Map.entry("PHONE", 12L), entryOfNull("CENTER_VISIT"), Map.entry("EMAIL", 0L),
                Map.entry("ONLINE", 10L));
        assertThat(SmallCellMask.NONE.apply(counts)).containsExactlyEntriesOf(counts);
    }

    @Test
    void aThresholdBelowOneOrANegativeCountIsAFault() {
        assertThatThrownBy(() -> SmallCellMask.below(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmallCellMask.below(10).apply(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map.Entry<String, Long> entryOfNull(String key) {
        return new java.util.AbstractMap.SimpleEntry<>(key, null);
    }
}
