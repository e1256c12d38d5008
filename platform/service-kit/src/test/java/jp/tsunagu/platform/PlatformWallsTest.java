package jp.tsunagu.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import jp.tsunagu.testkit.Walls;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** platform/ (service-kit, events, test-kit, infra) imports no service (a plain unit test). */
class PlatformWallsTest {

    private final JavaClasses platform = Walls.mainClasses(Walls.ALL_PLATFORM_PACKAGES.stream()
            .map(p -> p.substring(0, p.length() - 2)).toArray(String[]::new));

    @Test
    void seesEveryPlatformModule() {
        assertThat(platform.contain("jp.tsunagu.platform.problem.Problem")).isTrue();
        assertThat(platform.contain("jp.tsunagu.events.EventData")).isTrue();
        assertThat(platform.contain("jp.tsunagu.testkit.Walls")).isTrue();
        assertThat(platform.contain("jp.tsunagu.infra.KafkaBroker")).isTrue();
    }

    @Test
    void importsNoService() {
        Walls.platformImportsNoService().check(platform);
    }
}
