package jp.tsunagu.visits.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.problem.DomainException;
import jp.tsunagu.platform.problem.ProblemKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Asks case-service about one case with this service's own service-account token. */
@ApplicationScoped
public class CaseServiceClient implements CaseDirectory {

    /** case-service could not be asked: the caller may retry. */
    static class CaseServiceUnavailable extends DomainException {
        CaseServiceUnavailable() {
            super("The case is not known here yet and case-service did not answer; retry shortly");
        }

        @Override
        public ProblemKind kind() {
            return ProblemKind.UNAVAILABLE;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final ServiceTokens tokens;
    private final ObjectMapper json;

    CaseServiceClient(@ConfigProperty(name = "tsunagu.case-service.url") String baseUrl, ServiceTokens tokens,
                      ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public Optional<CaseScope> find(UUID caseId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/v1/cases/" + caseId + "/access-scope"))
                    .header("Authorization", "Bearer " + tokens.accessToken())
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> Optional.of(json.readValue(response.body(), CaseScope.class));
                case 404 -> Optional.empty();
                default -> throw new CaseServiceUnavailable();
            };
        } catch (IOException e) {
            throw new CaseServiceUnavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseServiceUnavailable();
        }
    }
}
