package jp.tsunagu.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.tsunagu.events.ServiceAnswer;
import jp.tsunagu.events.cases.CaseAccessScope;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Plays case-service's access-scope endpoint, and Keycloak's token endpoint for the calling
 * service's client credentials, over real HTTP for the component tests of a service that keeps the
 * case view (the system tests use the real ones). An unknown case answers 404; a known one answers
 * the {@link CaseAccessScope} record as JSON, checked against its contract schema first, and only
 * to a request that carries the token the token endpoint issued.
 */
public class CaseServiceStub implements QuarkusTestResourceLifecycleManager {

    /** The service-account token the stubbed token endpoint issues (signed by the test key). */
    public static final String SERVICE_TOKEN = TestTokens.user("service-account-tsunagu-test").roles("service").token();

    private static final String TOKEN_PATH = "/realms/tsunagu/protocol/openid-connect/token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/api/v1/cases/.*/access-scope")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        server.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        return Map.of(
                "tsunagu.case-service.url", server.baseUrl(),
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + "/realms/tsunagu",
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/protocol/openid-connect/token");
    }

    /** case-service will answer this scope for its case, to a request with the service's token. */
    public static void knows(CaseAccessScope scope) {
        knowsSlowly(scope, Duration.ZERO);
    }

    /** case-service will answer this scope, but only after the delay. */
    public static void knowsSlowly(CaseAccessScope scope, Duration delay) {
        String body;
        try {
            body = ContractSchemas.requireValid(ServiceAnswer.CASE_ACCESS_SCOPE, JSON.writeValueAsString(scope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        server.stubFor(get(scopePath(scope.caseId())).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay((int) delay.toMillis()).withBody(body)));
    }

    /** case-service answers this status for the case (a failure other than 404). */
    public static void answers(UUID caseId, int status) {
        server.stubFor(get(scopePath(caseId)).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":" + status + "}")));
    }

    /** case-service drops the connection when asked about the case. */
    public static void dropsConnection(UUID caseId) {
        server.stubFor(get(scopePath(caseId)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** How many times case-service was asked about the case. */
    public static int scopeRequests(UUID caseId) {
        return server.findAll(getRequestedFor(urlEqualTo(scopePath(caseId)))).size();
    }

    /** How many client-credentials tokens were asked for. */
    public static int tokenRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size();
    }

    private static String scopePath(UUID caseId) {
        return "/api/v1/cases/" + caseId + "/access-scope";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
