package jp.tsunagu.platform.http;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.StaleVersionException;
import jp.tsunagu.platform.problem.VersionRequiredException;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void anUpdateNamesTheVersionItChanges() {
        assertThat(Versions.required("\"3\"")).isEqualTo(3);
        assertThat(Versions.required("W/\"3\"")).isEqualTo(3);
        assertThatCode(() -> Versions.check(3, 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Versions.check(2, 3)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void ifMatchStarChangesWhateverIsCurrent() {
        long any = Versions.required(" * ");
        assertThatCode(() -> Versions.check(any, 0)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check(any, 41)).doesNotThrowAnyException();
    }

    @Test
    void anUpdateWithoutIfMatchOrWithAForeignTagIsRefused() {
        assertThatThrownBy(() -> Versions.required(null)).isInstanceOf(VersionRequiredException.class);
        assertThatThrownBy(() -> Versions.required(" ")).isInstanceOf(VersionRequiredException.class);
        assertThatThrownBy(() -> Versions.required("\"-1\"")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Versions.required("3")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Versions.required("\"a\"")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aCreatingPutTakesTheRfcPreconditions() {
        assertThatCode(() -> Versions.precondition(null, null).check(OptionalLong.empty())).doesNotThrowAnyException();
        assertThatThrownBy(() -> Versions.precondition(null, null).check(OptionalLong.of(1)))
                .isInstanceOf(VersionRequiredException.class);
        assertThatThrownBy(() -> Versions.precondition(null, "*").check(OptionalLong.of(1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> Versions.precondition("*", null).check(OptionalLong.empty()))
                .isInstanceOf(StaleVersionException.class);
        assertThatCode(() -> Versions.precondition("*", null).check(OptionalLong.of(7))).doesNotThrowAnyException();
        assertThatCode(() -> Versions.precondition("\"0\"", null).check(OptionalLong.empty())).doesNotThrowAnyException();
        assertThatThrownBy(() -> Versions.precondition(null, "\"1\"")).isInstanceOf(InvalidRequestException.class);
    }
}
