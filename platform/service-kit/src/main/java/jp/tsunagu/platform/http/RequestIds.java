package jp.tsunagu.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a plain token, else a new
 * one. It is answered back, put in the log context (JSON logs carry it) and in audit entries.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String given = rc.request().getHeader(HEADER);
            String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            rc.addEndHandler(done -> MDC.remove("requestId"));
            rc.next();
        }, 1000);
    }

    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
