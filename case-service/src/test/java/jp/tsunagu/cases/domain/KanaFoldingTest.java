package jp.tsunagu.cases.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KanaFoldingTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "ｻﾄｳ, さとう",
            "サトウ, さとう",
            "ｼﾞﾛｳ, ジロウ",
            "ﾊﾟﾝ, ぱん",
            "ヤマダ　タロウ, やまだたろう",
            "ヴァイオリン, ｳﾞｧｲｵﾘﾝ",
            "ＳＡＴＯ, sato",
            "佐藤 太郎, 佐藤太郎",
            "ﾏﾂﾓﾄ･ﾀｶｼ, マツモトタカシ",
    })
    void foldsWidthScriptSpacesAndCase(String one, String other) {
        assertThat(KanaFolding.fold(one)).isEqualTo(KanaFolding.fold(other));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource({
            "サトウ, サドウ",
            "ハ, パ",
            "ツ, ッ",
            "佐藤, 佐籐",
    })
    void keepsWhatReallyDiffers(String one, String other) {
        assertThat(KanaFolding.fold(one)).isNotEqualTo(KanaFolding.fold(other));
    }
}
