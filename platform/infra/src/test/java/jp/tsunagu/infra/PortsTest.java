package jp.tsunagu.infra;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aPortIsNeverHandedOutTwice() {
        // 2,000 random draws from 12,000 ports would repeat one almost surely (a broker once got
        // its listener's port for its controller too)
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(Ports.free());
        }
        assertThat(ports).hasSize(2_000).allMatch(port -> port >= 20_000 && port < 32_000);
    }
}
