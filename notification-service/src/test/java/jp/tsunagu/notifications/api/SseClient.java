package jp.tsunagu.notifications.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real server-sent events client for the tests: the JDK's HTTP client reading the body line by
 * line on a thread of its own, each event (or comment line) queued as it is complete. Waits are
 * polls of that queue with a timeout, never sleeps.
 */
final class SseClient implements AutoCloseable {

    /** One event; a comment line is an event with only {@code comment}. */
    record Event(String id, String name, String data, String comment) {

        boolean isComment() {
            return comment != null;
        }

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final Duration WAIT = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Event END = new Event(null, null, null, null);

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread.ofVirtual().name("sse-client").start(this::read);
    }

    /** Opens the stream with that token (none if null), resuming after {@code lastEventId} if not null. */
    static SseClient open(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        Optional.ofNullable(token).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        Optional.ofNullable(lastEventId).ifPresent(id -> request.header("Last-Event-ID", id));
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The next event that is not a comment line. */
    Event next() {
        while (true) {
            Event event = take();
            if (!event.isComment()) {
                return event;
            }
        }
    }

    /** The next comment line (a heartbeat), skipping events. */
    Event nextComment() {
        while (true) {
            Event event = take();
            if (event.isComment()) {
                return event;
            }
        }
    }

    /** Waits until the server ends the stream, whatever comes before. */
    void awaitEnd() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Event event = poll(deadline - System.nanoTime());
            if (event == END) {
                return;
            }
            if (event == null) {
                fail("the stream did not end within %s", WAIT);
            }
        }
    }

    private Event take() {
        Event event = poll(WAIT.toNanos());
        if (event == null) {
            fail("no event within %s", WAIT);
        }
        if (event == END) {
            fail("the stream ended");
        }
        return event;
    }

    private Event poll(long nanos) {
        try {
            return received.poll(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The event stream format: fields until an empty line; a line starting with a colon is a comment. */
    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            var it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null || name != null || id != null) {
                        received.add(new Event(id, name, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Event(null, null, null, value(line.substring(1))));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : value(line.substring(colon + 1));
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { } // retry and unknown fields
                    }
                }
            }
        } catch (RuntimeException e) {
            // closed by the test, or by the server: the end either way
        } finally {
            received.add(END);
        }
    }

    private static String value(String raw) {
        return raw.startsWith(" ") ? raw.substring(1) : raw;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
