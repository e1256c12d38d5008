package jp.tsunagu.system;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Strings no system could hold by chance, one per free-text field a run writes: an ASCII marker
 * ({@code PRIVACY-MARKER-<run>-<field>}), and a subject's name in kanji and in katakana drawn at
 * random, so that where one turns up names the field it came from.
 */
final class Markers {

    private static final String RARE_KANJI = "鷲鴎鵜鷺鶫鸛麒麟鳳凰轟霙靄鼈龍蘭蕾薊躑躅鬱";
    private static final String KATAKANA = "ヴヂヅヰヱヲヮヶヵ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> byText = new LinkedHashMap<>();

    /** An ASCII marker for this field, remembered. */
    String text(String field) {
        return keep("PRIVACY-MARKER-" + run + "-" + field, field);
    }

    /** A Japanese text around a marker, as a person would write it, for this field. */
    String note(String field) {
        return "本人の様子について：" + text(field) + "。家族と相談した。";
    }

    /** A random name of {@code length} rare kanji for this field, remembered. */
    String kanjiName(String field, int length) {
        return keep(drawn(RARE_KANJI, length), field);
    }

    /** A random name of {@code length} katakana for this field, remembered (passes the API's kana rule). */
    String kanaName(String field, int length) {
        return keep(drawn(KATAKANA, length), field);
    }

    private String keep(String value, String field) {
        byText.put(value, field);
        return value;
    }

    private static String drawn(String alphabet, int length) {
        StringBuilder name = new StringBuilder();
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            name.appendCodePoint(codePoints[RANDOM.nextInt(codePoints.length)]);
        }
        return name.toString();
    }

    /** The fields whose strings {@code text} holds; empty when it holds none. */
    List<String> foundIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        byText.forEach((value, field) -> {
            if (text.contains(value)) {
                found.add(field);
            }
        });
        return found;
    }

    int count() {
        return byText.size();
    }
}
