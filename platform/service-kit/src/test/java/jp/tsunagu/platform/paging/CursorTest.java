package jp.tsunagu.platform.paging;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cursor reads back what this API wrote, and refuses anything else as the cursor (plain JUnit). */
class CursorTest {

    private static final Predicate<String> SLUG = text -> text.matches("[a-z0-9]+(-[a-z0-9]+)*");

    @Test
    void readsBackWhatItWrote() {
        Instant at = Instant.parse("2026-11-25T01:00:00.123456Z");
        UUID id = UUID.randomUUID();
        Cursor cursor = Cursor.decode(Cursor.of(at, id, 42L, LocalDate.of(2026, 11, 25), "tokyo-police").encode());

        assertThat(cursor.instant(0)).isEqualTo(at);
        assertThat(cursor.uuid(1)).isEqualTo(id);
        assertThat(cursor.number(2)).isEqualTo(42L);
        assertThat(cursor.date(3)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(cursor.text(4, SLUG)).isEqualTo("tokyo-police");
    }

    @Test
    void whatThisApiDidNotWriteIsRefusedAsTheCursor() {
        Cursor cursor = Cursor.of("Robert'); drop table agency;--", "+999999999-12-31T00:00:00Z",
                UUID.randomUUID().toString().toUpperCase());

        foreign(() -> cursor.text(0, SLUG));
        foreign(() -> cursor.number(0));
        foreign(() -> cursor.instant(1));
        foreign(() -> cursor.uuid(2));
        foreign(() -> cursor.part(3));
        foreign(() -> Cursor.decode("!!!"));
    }

    private static void foreign(org.assertj.core.api.ThrowableAssert.ThrowingCallable reading) {
        assertThatThrownBy(reading).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                .containsExactly(new Violation("cursor", "not a cursor this API gave out")));
    }
}
