package jp.tsunagu.platform.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/**
 * The ETag of every successful answer whose body carries a version ({@link Versioned}), written
 * once here instead of by each resource. A header the resource set itself is left as it is.
 */
public class ETags {

    /** The ETag of a body, if it carries a version. */
    public static Optional<String> of(Object body) {
        return body instanceof Versioned versioned ? Optional.of(Versions.etag(versioned.version())) : Optional.empty();
    }

    @ServerResponseFilter
    public void addETag(ContainerResponseContext response) {
        if (response.getStatus() / 100 == 2 && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            of(response.getEntity()).ifPresent(etag -> response.getHeaders().putSingle(HttpHeaders.ETAG, etag));
        }
    }
}
