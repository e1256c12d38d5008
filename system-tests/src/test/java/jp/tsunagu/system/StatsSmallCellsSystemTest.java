package jp.tsunagu.system;

import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #10's small cells, with real tokens: the Tokyo center's own system (client credentials,
 * role center-system) reads GET /stats with every count from 1 to 9 masked; the center's
 * supervisor reads the same period unmasked. Compared cell by cell against the supervisor's view of
 * the same moment; a case whose home visits end today as MOVED_AWAY makes sure a small cell exists.
 */
class StatsSmallCellsSystemTest {

    private static final int THRESHOLD = 10; // case-service's tsunagu.reports.small-cell-threshold

    @Test
    void theCentersSystemGetsSmallCellsMaskedItsSupervisorDoesNot() {
        String supporter = Logins.password("tokyo-supporter-1");
        String supervisor = Logins.password("tokyo-supervisor");
        String centerSystem = Logins.clientCredentials("center-system-tokyo");
        String caseId = MarkedRun.as(supporter, Service.CASE).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                                "consultant", Map.of("relation", "FATHER")),
                        "subject", Map.of("familyName", "統計", "givenName", "太郎", "familyNameKana", "トウケイ",
                                "givenNameKana", "タロウ", "withdrawalSince", "2020-01")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        MarkedRun.as(supporter, Service.CASE).body(Map.of("reason", "MOVED_AWAY"))
                .when().post("/api/v1/cases/" + caseId + "/home-visit-end").then().statusCode(200);
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();

        // the supervisor's view, the system's, and the supervisor's again: the same moment when both supervisor's agree
        Map<String, Object>[] views = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> before = cells(stats(supervisor, today, null));
            Map<String, Object> masked = stats(centerSystem, today, THRESHOLD);
            Map<String, Object> after = cells(stats(supervisor, today, null));
            @SuppressWarnings("unchecked")
            Map<String, Object>[] three = new Map[] {before, cells(masked), after};
            return three;
        }, three -> three[0].equals(three[2]));
        Map<String, Object> plain = views[0];
        Map<String, Object> shown = views[1];

        int masked = 0;
        int small = 0;
        for (Map.Entry<String, Object> cell : plain.entrySet()) {
            long count = ((Number) cell.getValue()).longValue();
            boolean isSmall = count >= 1 && count < THRESHOLD;
            small += isSmall ? 1 : 0;
            Object seen = shown.get(cell.getKey());
            if (isSmall) {
                assertThat(shown).as(cell.getKey() + " (" + count + ") for the center's system").containsKey(cell.getKey());
                assertThat(seen).as(cell.getKey() + " (" + count + ") for the center's system").isNull();
                masked++;
            } else {
                assertThat(seen).as(cell.getKey() + " for the center's system").isNotNull();
                assertThat(((Number) seen).longValue()).as(cell.getKey()).isEqualTo(count);
            }
        }
        assertThat(shown.keySet()).isEqualTo(plain.keySet());
        System.out.printf("stats small cells: %d cells today, %d from 1 to %d for the supervisor, %d of them masked for"
                + " center-system-tokyo, %d masked in the supervisor's view%n", plain.size(), small, THRESHOLD - 1, masked,
                plain.values().stream().filter(java.util.Objects::isNull).count());
        assertThat(plain.get("homeVisitEndingsByReason.MOVED_AWAY")).as("the small cell this test made").isNotNull();
        assertThat(small).as("small cells the supervisor sees").isPositive();
        assertThat(masked).isEqualTo(small);
    }

    /** The stats of the day as the caller reads them; checks maskedBelow says how they were masked. */
    private static Map<String, Object> stats(String token, String day, Integer maskedBelow) {
        Map<String, Object> body = MarkedRun.as(token, Service.CASE).queryParam("from", day).queryParam("to", day)
                .when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(body.get("maskedBelow")).isEqualTo(maskedBelow);
        return body;
    }

    /** Every count of the answer by name (a section's item as section.item); nulls kept. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> cells(Map<String, Object> stats) {
        Map<String, Object> cells = new LinkedHashMap<>();
        stats.forEach((name, value) -> {
            if (value instanceof Map<?, ?> section) {
                ((Map<String, Object>) section).forEach((item, count) -> cells.put(name + "." + item, count));
            } else if (!List.of("from", "to", "maskedBelow").contains(name)) {
                cells.put(name, value);
            }
        });
        return cells;
    }
}
