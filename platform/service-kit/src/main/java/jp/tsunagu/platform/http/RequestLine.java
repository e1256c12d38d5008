package jp.tsunagu.platform.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.platform.problem.ProblemKind;
import jp.tsunagu.platform.problem.Violation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request line and headers, checked before anything reads them: a path and query over
 * {@value #MAX_URI} characters is 414, and a NUL character in the path, a query parameter or a header
 * is 400 (PostgreSQL cannot store it; nothing sends it in good faith), each as problem+json naming the
 * parameter. Vert.x' own line limit is set higher than ours ({@code quarkus.http.limits.max-initial-line-length})
 * so that the 414 comes from here. Refused before this, with a bare 400 no application can replace:
 * a URI java.net.URI rejects (Quarkus' root handler) and a header value with control characters
 * (Vert.x' HTTP/1.1 decoder).
 */
@ApplicationScoped
public class RequestLine {

    public static final int MAX_URI = 8192;

    private final EarlyProblems problems;

    RequestLine(EarlyProblems problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 950);
    }

    private void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.length() > MAX_URI) {
            problems.answer(rc, ProblemKind.URI_TOO_LONG, "The path and query are limited to " + MAX_URI + " characters",
                    null, true);
            return;
        }
        List<Violation> violations = new ArrayList<>();
        try {
            QueryStringDecoder decoded = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
            if (decoded.path().indexOf('\u0000') >= 0) {
                violations.add(new Violation("path", NUL));
            }
            for (Map.Entry<String, List<String>> parameter : decoded.parameters().entrySet()) {
                if (parameter.getKey().indexOf('\u0000') >= 0
                        || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                    violations.add(new Violation(parameter.getKey().replace('\u0000', '?'), NUL));
                }
            }
        } catch (IllegalArgumentException e) {
            // Quarkus answers a URI that java.net.URI refuses with a bare 400 before this; what it lets by
            violations.add(new Violation("query", BROKEN_ENCODING));
        }
        rc.request().headers().forEach(header -> {
            if (header.getValue().indexOf('\u0000') >= 0) {
                violations.add(new Violation(header.getKey(), NUL));
            }
        });
        if (!violations.isEmpty()) {
            problems.answer(rc, ProblemKind.INVALID_REQUEST, "The request line or a header carries what no request may",
                    violations, true);
            return;
        }
        rc.next();
    }

    private static final String NUL = "must not contain the NUL character (%00)";
    private static final String BROKEN_ENCODING = "not valid percent-encoding (each % must start %XX)";
}
