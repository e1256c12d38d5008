package jp.tsunagu.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KanaPrefixTest {

    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    @ParameterizedTest(name = "{0} → [{0}, {1})")
    @CsvSource({
            "サ, ザ",
            "タカハシ, タカハジ",
            "佐藤, 佐藥",
            "ab, ac",
            "50%, 50&",
            "a_, a`",
            "x!, x\"",
            "𠮷, 𠮸",
    })
    void endsBelowThePrefixWithItsLastCodePointRaised(String prefix, String to) {
        assertThat(KanaPrefix.of(prefix)).isEqualTo(new KanaPrefix(prefix, Optional.of(to)));
    }

    @Test
    void holdsExactlyTheKeysThatStartWithThePrefixInCodePointOrder() {
        KanaPrefix range = KanaPrefix.of("タカ");
        List<String> keys = List.of("タ", "タオ", "タカ", "タカハシ", "タカ" + MAX, "タガ", "タガワ", "タキ", "ダカ");

        assertThat(keys.stream().filter(key -> inRange(key, range)))
                .containsExactlyElementsOf(keys.stream().filter(key -> key.startsWith("タカ")).toList());
    }

    @Test
    void stepsOverTheSurrogatesThatNoTextHolds() {
        assertThat(KanaPrefix.of("a\uD7FF").to()).contains("a\uE000");
    }

    @Test
    void dropsTheHighestCodePointThatCannotBeRaised() {
        assertThat(KanaPrefix.of("a" + MAX + MAX).to()).contains("b");
        assertThat(KanaPrefix.of(MAX).to()).isEmpty();
    }

    @Test
    void anEmptyPrefixIsNoSearch() {
        assertThatThrownBy(() -> KanaPrefix.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** As PostgreSQL compares under collation "C": UTF-8 bytes, that is code points. */
    private static boolean inRange(String key, KanaPrefix range) {
        return codePointOrder(key, range.from()) >= 0 && range.to().map(to -> codePointOrder(key, to) < 0).orElse(true);
    }

    private static int codePointOrder(String one, String other) {
        return Arrays.compare(one.codePoints().toArray(), other.codePoints().toArray());
    }
}
