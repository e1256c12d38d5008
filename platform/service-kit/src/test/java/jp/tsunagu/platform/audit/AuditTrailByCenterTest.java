package jp.tsunagu.platform.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** An entry is shared once per center it touched (a partner's list may span centers), naming that center's cases. */
class AuditTrailByCenterTest {

    @Test
    void theNotedCasesAreGroupedByCenterEachCentersInTheOrderNoted() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        Map<UUID, String> noted = new LinkedHashMap<>();
        noted.put(first, "tokyo");
        noted.put(second, "osaka");
        noted.put(third, "tokyo");
        noted.put(fourth, "osaka");

        assertThat(AuditTrail.byCenter(noted))
                .containsExactly(entry("tokyo", List.of(first, third)), entry("osaka", List.of(second, fourth)));
        assertThat(AuditTrail.byCenter(Map.of())).isEmpty();
    }
}
