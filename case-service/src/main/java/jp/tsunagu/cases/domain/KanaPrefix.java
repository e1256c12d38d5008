package jp.tsunagu.cases.domain;

import java.util.Optional;

/**
 * The keys that start with a folded search text (see {@link KanaFolding}), as a range in code
 * point order (PostgreSQL's collation "C", where UTF-8 bytes compare as their code points do):
 * {@code from <= key < to}. {@code to} is the prefix with its last code point raised by one; a
 * last code point that cannot be raised (U+10FFFF) is dropped first. Every character counts as
 * itself: {@code %}, {@code _} and {@code !} are no wildcards.
 *
 * @param to empty when no key is above the range (a prefix of U+10FFFF only)
 */
public record KanaPrefix(String from, Optional<String> to) {

    private static final int SURROGATES_FIRST = Character.MIN_SURROGATE;
    private static final int AFTER_SURROGATES = Character.MAX_SURROGATE + 1;

    public KanaPrefix {
        if (from.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix is no search");
        }
    }

    public static KanaPrefix of(String folded) {
        int[] codePoints = folded.codePoints().toArray();
        int last = codePoints.length - 1;
        while (last >= 0 && codePoints[last] == Character.MAX_CODE_POINT) {
            last--;
        }
        if (last < 0) {
            return new KanaPrefix(folded, Optional.empty());
        }
        int raised = codePoints[last] + 1;
        // a text never holds a lone surrogate: the next code point after U+D7FF is U+E000
        codePoints[last] = raised == SURROGATES_FIRST ? AFTER_SURROGATES : raised;
        return new KanaPrefix(folded, Optional.of(new String(codePoints, 0, last + 1)));
    }
}
