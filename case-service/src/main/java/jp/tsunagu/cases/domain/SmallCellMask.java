package jp.tsunagu.cases.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small-cell masking (少数セルの秘匿) of de-identified counts: in an export, a count from 1 to
 * {@code below - 1} could point at a person, so it is withheld (null). Zero points at no one and is
 * never masked. Japan's NDB open data masks counts under 10, the default here. {@link #NONE} masks
 * nothing: a supervisor reading the counts of their own center.
 *
 * @param below the smallest count shown; {@code null} when nothing is masked
 */
public record SmallCellMask(Integer below) {

    public static final SmallCellMask NONE = new SmallCellMask(null);

    public SmallCellMask {
        if (below != null && below < 1) {
            throw new IllegalArgumentException("below must be at least 1, was " + below);
        }
    }

    /** Masks the counts from 1 to {@code threshold - 1}. */
    public static SmallCellMask below(int threshold) {
        return new SmallCellMask(threshold);
    }

    /** The count as it may be shown: {@code null} when masked. */
    public Long apply(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count is never negative, was " + count);
        }
        return below != null && count > 0 && count < below ? null : count;
    }

    /** Each count as it may be shown, in the same order. */
    public Map<String, Long> apply(Map<String, Long> counts) {
        Map<String, Long> shown = new LinkedHashMap<>();
        counts.forEach((key, count) -> shown.put(key, apply(count)));
        return shown;
    }
}
