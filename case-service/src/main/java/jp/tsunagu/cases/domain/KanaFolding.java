package jp.tsunagu.cases.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Japanese names for matching: {@code ｻﾄｳ} = {@code サトウ} = {@code さとう}, {@code ＳＡＴＯ} =
 * {@code sato}. Width is folded by Unicode NFKC (half-width katakana become full-width, voiced
 * marks compose, full-width Latin becomes ASCII); hiragana map to katakana by their fixed Unicode
 * offset; spaces (including the ideographic space) and the middle dot go, case is folded.
 */
public final class KanaFolding {

    private static final int HIRAGANA_FIRST = 0x3041;
    private static final int HIRAGANA_LAST = 0x3096;
    private static final int TO_KATAKANA = 0x60;

    private KanaFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || cp == '・' || cp == '･') {
                return;
            }
            folded.appendCodePoint(cp >= HIRAGANA_FIRST && cp <= HIRAGANA_LAST ? cp + TO_KATAKANA : cp);
        });
        return folded.toString();
    }
}
