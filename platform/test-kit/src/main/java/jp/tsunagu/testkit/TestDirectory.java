package jp.tsunagu.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Keycloak's user directory as a service sees it, for the component tests: WireMock playing the
 * realm's token endpoint (client credentials) and the two admin calls of the platform's
 * {@code UserDirectory}, which answer only with the service account's token. Users are those the
 * tests declare (with the id, center and roles of their {@link TestTokens}); any other id is 404,
 * as in Keycloak. Started once per test JVM, on first use; stopped when the JVM ends.
 * The real Keycloak plays it in the system tests.
 */
public final class TestDirectory {

    public static final String REALM = "tsunagu";
    /** The token the fake token endpoint issues, and the only one the fake admin API accepts. */
    static final String SERVICE_ACCOUNT_TOKEN = "directory-service-account-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;
    private static StubMapping outage;
    /** Who holds each realm role directly, as Keycloak answers {@code roles/{role}/users}, by user id. */
    private static final Map<String, Map<String, Map<String, Object>>> HOLDERS = new LinkedHashMap<>();

    private TestDirectory() {
    }

    /** The fake Keycloak's base URL ({@code tsunagu.directory.keycloak-url}). */
    public static synchronized String url() {
        return server().baseUrl();
    }

    /** These test callers are users of the directory: their subject, center and roles. */
    public static void knows(TestTokens.Builder... users) {
        for (TestTokens.Builder user : users) {
            knows(user.subject(), user.center().orElse(null), true, user.roles().toArray(String[]::new));
        }
    }

    /** A user of that id, center (none when null) and realm roles; {@code enabled} false for a disabled account. */
    public static synchronized void knows(String userId, String center, boolean enabled, String... roles) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("username", "user-" + userId.substring(0, 8));
        // what Keycloak answers besides: the directory must not keep it
        user.put("firstName", "太郎");
        user.put("lastName", "山田");
        user.put("email", "user-" + userId.substring(0, 8) + "@example.invalid");
        user.put("enabled", enabled);
        user.put("attributes", center == null ? Map.of() : Map.of("center_id", List.of(center)));
        List<Map<String, Object>> realmRoles = new ArrayList<>();
        for (String role : roles) {
            realmRoles.add(Map.of("name", role, "composite", false, "clientRole", false));
        }
        realmRoles.add(Map.of("name", "default-roles-" + REALM, "composite", true, "clientRole", false));
        realmRoles.add(Map.of("name", "offline_access", "composite", false, "clientRole", false));
        for (String role : roles) {
            holds(role, userId, user);
        }
        String base = "/admin/realms/" + REALM + "/users/" + userId;
        server().stubFor(get(urlEqualTo(base)).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_ACCOUNT_TOKEN))
                .willReturn(json(200, user)));
        server().stubFor(get(urlEqualTo(base + "/role-mappings/realm/composite")).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_ACCOUNT_TOKEN))
                .willReturn(json(200, realmRoles)));
    }

    /** The role's holders answered on every page asked (the directory reads pages of 100; tests have fewer). */
    private static void holds(String role, String userId, Map<String, Object> user) {
        Map<String, Map<String, Object>> holders = HOLDERS.computeIfAbsent(role, r -> new LinkedHashMap<>());
        holders.put(userId, user);
        String path = "/admin/realms/" + REALM + "/roles/" + role + "/users";
        server().stubFor(get(urlPathEqualTo(path)).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_ACCOUNT_TOKEN))
                .withQueryParam("first", equalTo("0")).withQueryParam("briefRepresentation", equalTo("false"))
                .willReturn(json(200, List.copyOf(holders.values()))));
        server().stubFor(get(urlPathEqualTo(path)).atPriority(6)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_ACCOUNT_TOKEN))
                .willReturn(json(200, List.of())));
    }

    /** Keycloak unreachable: every call is cut (connection reset) until {@link #restore()}. */
    public static synchronized void outage() {
        if (outage == null) {
            outage = server().stubFor(any(anyUrl()).atPriority(1)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        }
    }

    public static synchronized void restore() {
        if (outage != null) {
            server().removeStub(outage);
            outage = null;
        }
    }

    /** How often the admin API was asked for that user (the user itself, not its roles). */
    public static int lookups(String userId) {
        return server().findAll(getRequestedFor(urlEqualTo("/admin/realms/" + REALM + "/users/" + userId))).size();
    }

    /** How often any admin call was made, whatever the id. */
    public static int adminCalls() {
        return server().findAll(getRequestedFor(urlPathMatching("/admin/.*"))).size();
    }

    /** Client-credentials token requests of the given client. */
    public static int tokenRequests(String clientId) {
        return server().findAll(postRequestedFor(urlEqualTo(tokenPath()))
                .withRequestBody(containing("grant_type=client_credentials"))).stream()
                .filter(r -> clientId.equals(clientIdOf(r.getHeader("Authorization"), r.getBodyAsString())))
                .toList().size();
    }

    private static String clientIdOf(String authorization, String body) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            return URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
        }
        for (String part : body.split("&")) {
            if (part.startsWith("client_id=")) {
                return URLDecoder.decode(part.substring(10), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String tokenPath() {
        return "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    private static synchronized WireMockServer server() {
        if (server == null) {
            WireMockServer started = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            started.start();
            started.stubFor(post(urlEqualTo(tokenPath())).atPriority(5)
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .willReturn(json(200, Map.of("access_token", SERVICE_ACCOUNT_TOKEN, "token_type", "Bearer",
                            "expires_in", 300, "scope", "profile email"))));
            started.stubFor(get(urlPathMatching("/admin/realms/" + REALM + "/users/.*")).atPriority(9)
                    .withHeader("Authorization", equalTo("Bearer " + SERVICE_ACCOUNT_TOKEN))
                    .willReturn(json(404, Map.of("error", "User not found"))));
            // a realm role nobody declared holds: no one, as Keycloak answers for the realm's roles
            started.stubFor(get(urlPathMatching("/admin/realms/" + REALM + "/roles/[^/]+/users")).atPriority(9)
                    .withHeader("Authorization", equalTo("Bearer " + SERVICE_ACCOUNT_TOKEN))
                    .willReturn(json(200, List.of())));
            started.stubFor(any(urlPathMatching("/admin/.*")).atPriority(10)
                    .willReturn(json(401, Map.of("error", "HTTP 401 Unauthorized"))));
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-directory-stop"));
            server = started;
        }
        return server;
    }

    private static ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
