package jp.tsunagu.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Quarkus' CORS filter (configured in the shared configuration) refuses an origin that is not
 * allowed without {@code Access-Control-Allow-Origin}, yet still lists the allowed methods and
 * headers. An origin that is not allowed learns nothing: without an allowed origin, every
 * {@code Access-Control-*} header goes.
 */
@ApplicationScoped
public class CorsHeadersForAllowedOrigins {

    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final List<String> OTHERS = List.of("Access-Control-Allow-Methods",
            "Access-Control-Allow-Headers", "Access-Control-Expose-Headers", "Access-Control-Allow-Credentials",
            "Access-Control-Max-Age");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(ignored -> {
                MultiMap headers = rc.response().headers();
                if (!headers.contains(ALLOW_ORIGIN)) {
                    OTHERS.forEach(headers::remove);
                }
            });
            rc.next();
        }, 10_000);
    }
}
