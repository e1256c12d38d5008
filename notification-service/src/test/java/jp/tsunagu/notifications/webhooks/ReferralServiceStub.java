package jp.tsunagu.notifications.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.tsunagu.testkit.TestTokens;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Plays referral-service's service-to-service endpoint of an agency's webhook
 * ({@code GET /api/v1/agencies/{id}/webhook-endpoint}, the answer referral-service's own test holds
 * it to), and Keycloak's token endpoint for this service's client credentials, over real HTTP. An
 * agency the tests did not declare has no webhook (404); a declared one is answered only to a request
 * with the token the token endpoint issued.
 */
public class ReferralServiceStub implements QuarkusTestResourceLifecycleManager {

    /** notification-service's service-account token, as the stubbed token endpoint issues it. */
    public static final String SERVICE_TOKEN = TestTokens.user("service-account-notification-service").roles("service")
            .claim("azp", "notification-service").token();

    private static final String TOKEN_PATH = "/realms/tsunagu/protocol/openid-connect/token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathMatching("/api/v1/agencies/.*/webhook-endpoint")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Not Found\"}")));
        server.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        return Map.of(
                "tsunagu.webhooks.referral-service-url", server.baseUrl(),
                "quarkus.oidc-client.referral-service.auth-server-url", server.baseUrl() + "/realms/tsunagu");
    }

    /** referral-service will answer this endpoint for the agency (to the service's token only). */
    public static void endpoint(String agencyId, String url, String secret, OffsetDateTime rotatedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("url", url);
        body.put("secret", secret);
        body.put("rotatedAt", rotatedAt.toString());
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        server.stubFor(get(path(agencyId)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "no-store").withBody(json)));
    }

    /** referral-service answers this status (a failure, or 404: the agency has no webhook now). */
    public static void answers(String agencyId, int status) {
        server.stubFor(get(path(agencyId)).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":" + status + "}")));
    }

    /** How many times referral-service was asked for the agency's endpoint. */
    public static int lookups(String agencyId) {
        return server.findAll(getRequestedFor(urlEqualTo(path(agencyId)))).size();
    }

    private static String path(String agencyId) {
        return "/api/v1/agencies/" + agencyId + "/webhook-endpoint";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
