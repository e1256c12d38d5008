package jp.tsunagu.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.platform.problem.Problem;
import jp.tsunagu.platform.problem.ProblemKind;

/**
 * Bodies over 1 MiB are refused with 413 as problem+json before they are read (by their
 * Content-Length). A chunked body without a length meets the hard limit of
 * {@code quarkus.http.limits.max-body-size} instead.
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final long MAX_BYTES = 1024 * 1024;

    private final ObjectMapper json;

    BodySizeLimit(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && isOver(length)) {
                ProblemKind kind = ProblemKind.PAYLOAD_TOO_LARGE;
                Problem problem = new Problem(kind.type(), kind.title(), kind.status(),
                        "Bodies are limited to 1 MiB", rc.request().path(), RequestIds.of(rc.request()), null, null);
                try {
                    rc.response().setStatusCode(kind.status())
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(json.writeValueAsString(problem));
                } catch (Exception e) {
                    rc.fail(413);
                }
                return;
            }
            rc.next();
        }, 900);
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
