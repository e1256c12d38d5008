package jp.tsunagu.notifications.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind says what happened in Japanese; a crisis says it is urgent. */
class NotificationTextTest {

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasAJapaneseTitle(NotificationKind kind) {
        String title = NotificationText.title(kind, Map.of());
        assertThat(title).isNotBlank().containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
        assertThat(title.startsWith("【至急")).isEqualTo(kind.isCrisis());
    }

    @Test
    void aReferralsStatusesAreNamedInJapanese() {
        assertThat(NotificationText.title(NotificationKind.REFERRAL_STATUS_CHANGED,
                Map.of("fromStatus", "REQUESTED", "toStatus", "ACCEPTED"))).contains("依頼中 → 受諾");
    }
}
