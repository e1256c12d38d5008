package jp.tsunagu.system;

import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12's traces through the packaged services: a crisis reported in case-service is one trace
 * (the caller's, sent as its {@code traceparent}) from the request, through case-service's outbox
 * and case-events, to notification-service's inbox, where the crisis alert is made; the spans as
 * the services exported them over OTLP to the collector of {@link RunningSystem}.
 */
class TraceSystemTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static String openCase(String supporter) {
        return MarkedRun.as(supporter, Service.CASE).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                                "consultant", Map.of("relation", "MOTHER")),
                        "subject", Map.of("familyName", "森", "givenName", "陸", "familyNameKana", "モリ",
                                "givenNameKana", "リク", "withdrawalSince", "2019-04")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static boolean alerted(String supervisor, String caseId) {
        List<Map<String, Object>> items = MarkedRun.as(supervisor, Service.NOTIFICATION)
                .when().get("/api/v1/notifications?limit=200&kind=CRISIS_ALERT")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().anyMatch(n -> caseId.equals(n.get("caseId")));
    }

    @Test
    void aCrisisReportedIsOneTraceFromCaseServiceThroughKafkaToNotificationService() {
        String supporter = Logins.password("tokyo-supporter-1");
        String caseId = openCase(supporter);
        String traceId = hex(16);
        String callerSpanId = hex(8);

        MarkedRun.as(supporter, Service.CASE).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(Map.of("occurredAt", OffsetDateTime.now(ZoneId.of("Asia/Tokyo")).minusMinutes(5).toString(),
                        "kinds", List.of("SELF_HARM"), "actions", List.of("PUBLIC_HEALTH_CENTER")))
                .when().post("/api/v1/cases/" + caseId + "/crises").then().statusCode(201);
        String supervisor = Logins.password("tokyo-supervisor");
        await().atMost(Duration.ofSeconds(30)).until(() -> alerted(supervisor, caseId));

        // each service exports on its own: wait until the alert's handling reaches up to the caller
        TraceCollector collector = RunningSystem.get().traces();
        List<CollectedSpan> chain = await().atMost(Duration.ofSeconds(30))
                .until(() -> handlingUpToTheCaller(collector.trace(traceId), callerSpanId), Optional::isPresent)
                .orElseThrow();
        collector.trace(traceId).forEach(span -> System.out.printf("trace %s: %-20s %-8s %-35s %s <- %s%n", traceId,
                span.service(), span.kind(), span.name(), span.spanId(), span.parentSpanId()));

        CollectedSpan process = chain.get(0);
        assertThat(process.service()).isEqualTo("notification-service");
        assertThat(process.attribute("messaging.consumer.group.name")).isEqualTo("notification-service");
        CollectedSpan request = chain.get(chain.size() - 1);
        assertThat(request.service()).isEqualTo("case-service");
        assertThat(request.kind()).isEqualTo(CollectedSpan.Kind.SERVER);
        assertThat(request.name()).isEqualTo("POST /api/v1/cases/{id}/crises");
        CollectedSpan publish = chain.get(chain.size() - 2);
        assertThat(publish.service()).isEqualTo("case-service");
        assertThat(publish.kind()).isEqualTo(CollectedSpan.Kind.PRODUCER);
        assertThat(publish.name()).isEqualTo("publish case-events");
    }

    /**
     * The crisis event's handling in notification-service's inbox and the spans above it, up to the
     * one the caller's span is the parent of, once the trace holds them all.
     */
    private static Optional<List<CollectedSpan>> handlingUpToTheCaller(List<CollectedSpan> spans, String callerSpanId) {
        Map<String, CollectedSpan> byId = spans.stream()
                .collect(Collectors.toMap(CollectedSpan::spanId, Function.identity(), (first, again) -> first));
        return spans.stream().filter(span -> "notification-service".equals(span.service())
                        && span.kind() == CollectedSpan.Kind.CONSUMER && "process case-events".equals(span.name())
                        && "case.crisis-reported.v1".equals(span.attribute("cloudevents.event_type")))
                .findFirst().map(process -> {
                    List<CollectedSpan> chain = new ArrayList<>(List.of(process));
                    for (CollectedSpan parent = byId.get(process.parentSpanId()); parent != null;
                         parent = byId.get(parent.parentSpanId())) {
                        chain.add(parent);
                    }
                    return chain;
                }).filter(chain -> chain.get(chain.size() - 1).parentSpanId().equals(callerSpanId));
    }
}
