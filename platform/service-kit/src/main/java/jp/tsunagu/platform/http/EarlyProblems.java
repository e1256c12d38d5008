package jp.tsunagu.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.problem.Problem;
import jp.tsunagu.platform.problem.ProblemKind;
import jp.tsunagu.platform.problem.Violation;

import java.util.List;

/**
 * Answers problem+json from a Vert.x filter, for what is refused before JAX-RS sees the request
 * (body size, request line): the same body as {@code ProblemMapper} gives.
 */
@ApplicationScoped
public class EarlyProblems {

    private static final int MAX_INSTANCE = 256;

    private final ObjectMapper json;

    EarlyProblems(ObjectMapper json) {
        this.json = json;
    }

    /** Ends the exchange with the problem; {@code close} also closes the connection (unread body). */
    public void answer(RoutingContext rc, ProblemKind kind, String detail, List<Violation> violations, boolean close) {
        String path = rc.request().path();
        String instance = path == null || path.length() <= MAX_INSTANCE ? path : path.substring(0, MAX_INSTANCE) + "...";
        Problem problem = new Problem(kind.type(), kind.title(), kind.status(), detail, instance,
                RequestIds.of(rc.request()), violations, null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem cannot be written", e);
        }
        rc.response().setStatusCode(kind.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (close && rc.request().version() != HttpVersion.HTTP_2) {
            rc.response().putHeader("Connection", "close");
            rc.response().endHandler(done -> rc.request().connection().close());
        }
        rc.response().end(body);
    }
}
