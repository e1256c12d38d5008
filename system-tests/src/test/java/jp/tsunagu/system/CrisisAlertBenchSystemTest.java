package jp.tsunagu.system;

import jp.tsunagu.bench.CrisisAlertLatency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crisis alert latency program ({@code ./tsunagu bench}) with a few crises against the packaged
 * system: every crisis is measured through the inbox and the stream, and Kafka's own latency beside
 * them. It asserts that the program measures what it says, never how fast.
 */
class CrisisAlertBenchSystemTest {

    private static final int CRISES = 5;

    @Test
    void theBenchmarkMeasuresEveryCrisisThroughTheInboxAndTheStreamBesideKafka() throws Exception {
        CrisisAlertLatency.Figures figures = new CrisisAlertLatency(RunningSystem.get().layout()).run(CRISES);
        System.out.println(figures.table());
        assertThat(figures.inbox().count()).isEqualTo(CRISES);
        assertThat(figures.stream().count()).isEqualTo(CRISES);
        assertThat(figures.kafka().count()).isEqualTo(CRISES);
        assertThat(figures.inbox().percentileMillis(50)).isPositive();
    }
}
