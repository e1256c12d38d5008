package jp.tsunagu.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP receiver in the test JVM, where the services of the running system export their
 * spans ({@code POST /v1/traces}, protobuf): it keeps them all, for the tests to look at.
 */
final class TraceCollector implements AutoCloseable {

    private final HttpServer server;
    private final ConcurrentLinkedQueue<CollectedSpan> spans = new ConcurrentLinkedQueue<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/v1/traces", collector::export);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that make a service export its spans here, within a second of their end. */
    Map<String, String> settings() {
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT1S");
    }

    /** Every span exported so far. */
    List<CollectedSpan> all() {
        return List.copyOf(spans);
    }

    /** The spans of one trace exported so far. */
    List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            List<CollectedSpan> exported;
            try {
                exported = OtlpSpans.read(body);
            } catch (RuntimeException unreadable) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            spans.addAll(exported);
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
