package jp.tsunagu.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.cloudevents.CloudEvent;
import jp.tsunagu.platform.cloudevents.KafkaCloudEvents;
import jp.tsunagu.platform.inbox.EventInbox;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.probe.ProbeConsumer;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from a request through the outbox, Kafka and the inbox, on the real broker, with the
 * spans kept in memory; and what spans must not hold.
 */
@QuarkusTest
class TracingTest {

    private static final String SUPPORTER = TestTokens.supporter("tokyo");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CapturedSpans spans;

    @Inject
    Outbox outbox;

    @Inject
    EventInbox inbox;

    /** A caller's traceparent: a new trace id and the caller's span id. */
    private record Caller(String traceId, String spanId) {
        static Caller random() {
            return new Caller(hex(16), hex(8));
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int bytes) {
            byte[] id = new byte[bytes];
            RANDOM.nextBytes(id);
            return HexFormat.of().formatHex(id);
        }
    }

    private static void create(Caller caller, UUID id, boolean fail) {
        given().auth().oauth2(SUPPORTER).header(TraceContext.TRACEPARENT, caller.traceparent())
                .contentType("application/json")
                .body(Map.of("id", id.toString(), "name", "traced", "channel", "VISIT", "failAfterEvent", fail))
                .when().post("/test/probes").then().statusCode(fail ? 500 : 201);
    }

    @Test
    void anEventAppendedInATracedRequestIsPublishedAndTakesEffectInTheRequestsTrace() {
        Caller caller = Caller.random();
        UUID id = UUID.randomUUID();
        create(caller, id, false);

        EventReader.Record record = EventReader.forSubject("case-events", id.toString(), 1, Duration.ofSeconds(20)).get(0);
        String[] traceparent = record.header(TraceContext.TRACEPARENT).split("-");
        assertThat(traceparent[1]).as("the record's trace").isEqualTo(caller.traceId());
        await().atMost(Duration.ofSeconds(30)).until(() -> ProbeConsumer.TRACE_IDS.containsKey(id));
        assertThat(ProbeConsumer.TRACE_IDS.get(id)).as("the trace the inbox's effect ran in").isEqualTo(caller.traceId());

        // request -> publish (the relay's, whose context the record carries) -> receive (the connector's) -> process (the inbox's)
        await().atMost(Duration.ofSeconds(10)).until(() -> process(caller, record).isPresent());
        Map<String, SpanData> trace = spans.of(caller.traceId()).stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        SpanData server = trace.values().stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(caller.spanId());
        SpanData publish = trace.get(traceparent[2]);
        assertThat(publish.getName()).isEqualTo("publish case-events");
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getParentSpanId()).as("appended in the request").isEqualTo(server.getSpanId());
        assertThat(publish.getAttributes().get(PlatformSpans.MESSAGE_ID)).isEqualTo(record.header("ce_id"));
        SpanData process = process(caller, record).orElseThrow();
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getAttributes().get(PlatformSpans.EVENT_TYPE)).isEqualTo("case.opened.v1");
        SpanData receive = trace.get(process.getParentSpanId());
        assertThat(receive.getInstrumentationScopeInfo().getName()).as("the connector's span")
                .isEqualTo("io.smallrye.reactive.messaging");
        assertThat(receive.getParentSpanId()).isEqualTo(publish.getSpanId());
    }

    @Test
    void anEventAppendedOutsideAnyTraceIsPublishedWithoutOneAndStillTakesEffect() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(new CaseOpened(id, "tokyo", "C-2026-000009",
                Phase.ASSESSMENT, CaseStatus.OPEN, IntakeChannel.PHONE, Instant.now(), "u-1", null)));

        EventReader.Record record = EventReader.forSubject("case-events", id.toString(), 1, Duration.ofSeconds(20)).get(0);
        assertThat(record.header(TraceContext.TRACEPARENT)).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> ProbeConsumer.TRACE_IDS.containsKey(id));
    }

    @Test
    void whereTheConnectorTracedNothingTheInboxContinuesTheRecordsOwnTraceparent() {
        Caller producer = Caller.random();
        UUID caseId = UUID.randomUUID();
        String data = """
                {"caseId":"%s","centerId":"tokyo","caseNumber":"C-2026-000010","phase":"ASSESSMENT","status":"OPEN",
                 "intakeChannel":"PHONE","openedAt":"2026-11-25T00:00:00Z","openedBy":"u-1"}""".formatted(caseId);
        Headers headers = KafkaCloudEvents.toRecord("case-events", caseId.toString(), new CloudEvent(UUID.randomUUID(),
                "case.opened.v1", "/tsunagu/tracing-test", caseId.toString(), Instant.now(), data)).headers();
        new TraceContext(producer.traceparent(), null).writeTo(headers);
        ConsumerRecord<String, String> record = new ConsumerRecord<>("case-events", 0, 0L, 0L, TimestampType.CREATE_TIME,
                -1, -1, caseId.toString(), data, headers, Optional.empty());

        assertThat(inbox.receive("direct", record, event -> { })).isTrue();

        SpanData process = await().atMost(Duration.ofSeconds(10)).until(() -> spans.of(producer.traceId()).stream()
                .filter(s -> "direct".equals(s.getAttributes().get(PlatformSpans.CONSUMER_GROUP))).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(process.getParentSpanId()).isEqualTo(producer.spanId());
    }

    @Test
    void spansKeepNoQueryValuesAndNoExceptionMessages() {
        Caller caller = Caller.random();
        given().auth().oauth2(SUPPORTER).header(TraceContext.TRACEPARENT, caller.traceparent())
                .header("X-Probe-Mode", "plain").queryParam("from", "2026-12-01")
                .when().get("/test/probes/by-day").then().statusCode(200);
        Caller failing = Caller.random();
        create(failing, UUID.randomUUID(), true);

        SpanData search = await().atMost(Duration.ofSeconds(10)).until(() -> server(caller), Optional::isPresent).orElseThrow();
        assertThat(search.getAttributes().get(QueryValuesRedacted.URL_QUERY)).isEqualTo("from=REDACTED");
        SpanData failed = await().atMost(Duration.ofSeconds(10)).until(() -> server(failing), Optional::isPresent).orElseThrow();
        assertThat(failed.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(500L);
        assertThat(failed.getEvents()).as("no exception event, with its message").isEmpty();
    }

    private Optional<SpanData> server(Caller caller) {
        return spans.of(caller.traceId()).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst();
    }

    private Optional<SpanData> process(Caller caller, EventReader.Record record) {
        List<SpanData> trace = spans.of(caller.traceId());
        return trace.stream().filter(s -> s.getName().equals("process case-events")
                        && "probe".equals(s.getAttributes().get(PlatformSpans.CONSUMER_GROUP))
                        && record.header("ce_id").equals(s.getAttributes().get(PlatformSpans.MESSAGE_ID)))
                .findFirst();
    }
}
