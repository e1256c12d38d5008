package jp.tsunagu.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.platform.problem.ProblemKind;


/**
 * Bodies over 1 MiB are refused with 413 as problem+json: by their Content-Length before they are
 * read, and an HTTP/1.1 chunked body by counting its bytes as they stream in; such a body is then
 * handed on whole, as a body handler would. {@code quarkus.http.limits.max-body-size} is the
 * hard stop behind this.
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final long MAX_BYTES = 1024 * 1024;

    private final EarlyProblems problems;

    BodySizeLimit(EarlyProblems problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 900);
    }

    private void limit(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String length = request.getHeader("Content-Length");
        if (length != null) {
            if (isOver(length)) {
                tooLarge(rc);
            } else {
                rc.next();
            }
            return;
        }
        if (request.isEnded() || !streamsABody(request)) {
            rc.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BYTES) {
                refused[0] = true;
                tooLarge(rc);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                rc.setBody(body);
                rc.next();
            }
        });
        request.exceptionHandler(failure -> {
            if (!refused[0] && !rc.response().ended()) {
                rc.fail(failure);
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            request.response().writeContinue();
        }
        request.resume();
    }

    /**
     * An HTTP/1.1 chunked body. An HTTP/2 body without Content-Length is left to the hard stop: its
     * request may end with its headers (a POST without a body), and the REST layer cannot take a
     * request this filter has read to its end (it answered 500 to an h2c client's withdrawal).
     */
    private static boolean streamsABody(HttpServerRequest request) {
        return request.getHeader("Transfer-Encoding") != null && request.version() != HttpVersion.HTTP_2;
    }

    private void tooLarge(RoutingContext rc) {
        problems.answer(rc, ProblemKind.PAYLOAD_TOO_LARGE, "Bodies are limited to 1 MiB", null, true);
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
