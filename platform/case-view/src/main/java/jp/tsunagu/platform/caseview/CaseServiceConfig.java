package jp.tsunagu.platform.caseview;

import io.smallrye.config.ConfigMapping;

import java.net.URI;

/**
 * Where a service that keeps the case view finds case-service ({@code tsunagu.case-service.*}).
 * The REST client reads it (META-INF/microprofile-config.properties of this module); timeouts,
 * retry and circuit breaker are on {@link CaseServiceClient}.
 */
@ConfigMapping(prefix = "tsunagu.case-service")
public interface CaseServiceConfig {

    /** case-service's base URL, e.g. {@code http://127.0.0.1:8081}. */
    URI url();
}
