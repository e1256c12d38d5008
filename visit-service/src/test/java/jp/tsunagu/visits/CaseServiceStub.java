package jp.tsunagu.visits;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Plays case-service's access-scope endpoint over real HTTP for the component tests (an unknown
 * case answers 404). Tests add the cases it knows with {@link #knows}.
 */
public class CaseServiceStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/api/v1/cases/.*/access-scope")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        return Map.of("tsunagu.case-service.url", server.baseUrl());
    }

    /** case-service will answer this scope for the case; the request must carry a bearer token. */
    public static void knows(String caseId, String centerId, String phase, String primaryUserId) {
        server.stubFor(get("/api/v1/cases/" + caseId + "/access-scope").atPriority(1)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"caseId":"%s","centerId":"%s","phase":"%s","status":"OPEN",
                         "team":[{"kind":"STAFF","userId":"%s","agencyId":null,"role":"PRIMARY"}]}"""
                        .formatted(caseId, centerId, phase, primaryUserId))));
    }

    public static int scopeRequests(String caseId) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/cases/" + caseId + "/access-scope"))).size();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
