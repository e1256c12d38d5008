package jp.tsunagu.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox's door at a stop: effects in progress finish, later events are held, never dead-lettered. */
class InboxDoorTest {

    @Test
    void theStopWaitsForTheEffectsInProgressThenTakesNoMore() throws Exception {
        InboxDoor door = new InboxDoor(Duration.ofMinutes(1), Duration.ZERO);
        assertThat(door.enter()).isTrue();
        Thread stop = Thread.ofPlatform().start(door::close);

        await().atMost(Duration.ofSeconds(10)).until(() -> stop.getState() == Thread.State.TIMED_WAITING);
        assertThat(stop.isAlive()).as("the stop waits while an effect is in progress").isTrue();
        assertThat(door.isClosed()).isTrue();
        assertThat(door.enter()).as("no event enters once the stop began").isFalse();

        door.leave();
        stop.join(Duration.ofSeconds(10));
        assertThat(stop.isAlive()).as("the stop goes on once the effect committed").isFalse();
    }

    @Test
    void theStopGoesOnAfterItsBoundWhenAnEffectDoesNotFinish() throws Exception {
        InboxDoor door = new InboxDoor(Duration.ofMillis(50), Duration.ZERO);
        assertThat(door.enter()).isTrue();
        Thread stop = Thread.ofPlatform().start(door::close);
        stop.join(Duration.ofSeconds(10));
        assertThat(stop.isAlive()).isFalse();
        assertThat(door.enter()).isFalse();
    }
}
