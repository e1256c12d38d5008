package jp.tsunagu.platform.caseview;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jp.tsunagu.events.cases.CaseAccessScope;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks case-service about a case this service has not heard of yet (its events are on their way).
 * A 404 is an answer (the case exists nowhere), not a failure. Anything else that goes wrong is
 * retried briefly; each attempt has a deadline; a run of failures opens the circuit so that
 * callers are answered at once instead of waiting on a case-service that is down; in every such
 * case the caller gets {@link CaseServiceUnavailableException} (503, retry shortly). The figures
 * (milliseconds) can be changed per deployment, e.g.
 * {@code quarkus.fault-tolerance."jp.tsunagu.platform.caseview.CaseServiceClient/find".timeout.value}.
 */
@ApplicationScoped
public class CaseServiceClient {

    /** The circuit breaker's name, for its maintenance (state, reset). */
    public static final String CIRCUIT = "case-service";

    private static final Logger LOG = Logger.getLogger(CaseServiceClient.class);

    private final CaseServiceApi api;
    private final CaseServiceConfig config;

    CaseServiceClient(@RestClient CaseServiceApi api, CaseServiceConfig config) {
        this.api = api;
        this.config = config;
    }

    /** The case's scope, or empty if case-service does not know the case. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 6000, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
    @CircuitBreakerName(CIRCUIT)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<CaseAccessScope> find(UUID caseId) {
        try {
            return Optional.of(api.accessScope(caseId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<CaseAccessScope> unavailable(UUID caseId, Throwable failure) {
        // the failure's class only: its message could quote an answer
        LOG.warnf("case-service at %s could not be asked about case %s: %s", config.url(), caseId,
                failure.getClass().getSimpleName());
        throw new CaseServiceUnavailableException();
    }
}
