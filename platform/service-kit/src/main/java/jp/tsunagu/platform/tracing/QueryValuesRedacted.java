package jp.tsunagu.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

/**
 * Keeps the values of query strings out of spans: a query may carry what a supporter searched for
 * (the kana of a name) or a partner's webhook token. The HTTP spans of Quarkus (server and clients)
 * record the query in {@code url.query} and {@code url.full} as they start; this replaces each value
 * with {@code REDACTED}, as OpenTelemetry's URL conventions do for sensitive ones, and keeps the
 * parameters' names where they are plain names (a caller chooses them too). Paths stay: they hold
 * ids only.
 */
@Singleton
public class QueryValuesRedacted implements SpanProcessor {

    static final AttributeKey<String> URL_QUERY = stringKey("url.query");
    static final AttributeKey<String> URL_FULL = stringKey("url.full");
    private static final String REDACTED = "REDACTED";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, redact(query));
        }
        String full = span.getAttribute(URL_FULL);
        int start = full == null ? -1 : full.indexOf('?');
        if (start >= 0) {
            span.setAttribute(URL_FULL, full.substring(0, start + 1) + redact(full.substring(start + 1)));
        }
    }

    /** {@code name=サトウ&page=2} becomes {@code name=REDACTED&page=REDACTED}; a name not plain is REDACTED too. */
    static String redact(String query) {
        return Stream.of(query.split("&", -1)).map(parameter -> {
            if (parameter.isEmpty()) {
                return parameter;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!PLAIN_NAME.matcher(name).matches()) {
                return REDACTED;
            }
            return equals < 0 ? name : name + "=" + REDACTED;
        }).collect(Collectors.joining("&"));
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
