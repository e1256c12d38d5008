package jp.tsunagu.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged and broken tokens get 401 problem+json from every service, never a 200 or a 500.
 * Claims are checked with a signature the services trust: the test adds an RSA key of its own to
 * the realm (lowest priority, so Keycloak keeps signing with its own), proves a token signed with
 * it is accepted, then signs with it tokens whose only fault is a claim (expired, not yet valid,
 * another issuer, another audience). The rest need no trusted key: unsigned ({@code alg: none}),
 * a real token whose payload was edited (roles added), and HS256 keyed with the realm's public
 * key (key confusion).
 */
class ForgedTokensSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String adminToken;
    private static String componentId;
    private static String trustedKid;
    private static PrivateKey trustedKey;
    private static String realmPublicKeyPem;

    @BeforeAll
    static void addAKeyOfTheTestsToTheRealm() throws Exception {
        String keycloak = RunningSystem.get().layout().keycloakUrl();
        adminToken = RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .when().post(keycloak + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String realmId = admin().get("/admin/realms/tsunagu").then().statusCode(200).extract().path("id");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        trustedKey = pair.getPrivate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(trustedKey.getEncoded())
                + "\n-----END PRIVATE KEY-----";
        Response created = admin().contentType("application/json").body(Map.of(
                        "name", "forged-tokens-system-test", "providerId", "rsa",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of("1"), "enabled", List.of("true"), "active", List.of("true"),
                                "algorithm", List.of("RS256"), "privateKey", List.of(pem))))
                .post("/admin/realms/tsunagu/components");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String location = created.header("Location");
        componentId = location.substring(location.lastIndexOf('/') + 1);

        JsonPath keys = admin().get("/admin/realms/tsunagu/keys").then().statusCode(200).extract().jsonPath();
        trustedKid = keys.getString("keys.find { it.providerId == '" + componentId + "' }.kid");
        String realmKey = keys.getString("keys.find { it.algorithm == 'RS256' && it.providerId != '" + componentId
                + "' && it.status == 'ACTIVE' }.publicKey");
        realmPublicKeyPem = "-----BEGIN PUBLIC KEY-----\n" + realmKey + "\n-----END PUBLIC KEY-----\n";
        assertThat(trustedKid).isNotBlank();
    }

    @AfterAll
    static void removeTheKey() {
        if (componentId != null) {
            admin().delete("/admin/realms/tsunagu/components/" + componentId).then().statusCode(204);
        }
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(adminToken).baseUri(RunningSystem.get().layout().keycloakUrl());
    }

    @Test
    void everyForgedOrBrokenTokenIsRefusedWith401ByEveryService() throws Exception {
        String real = Logins.password("tokyo-supporter-1");
        String[] parts = real.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        long now = Instant.now().getEpochSecond();
        String masterIssuer = RunningSystem.get().layout().keycloakUrl() + "/realms/master";

        // the control: the test's key is trusted, so what follows is refused for its claims alone
        String control = signedByTheTestsKey(with(claims, c -> c.put("iat", now).put("exp", now + 300)));
        for (Service service : Service.values()) {
            me(service, control).then().statusCode(200);
        }

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("unsigned (alg none)", encode(Map.of("alg", "none", "typ", "JWT")) + "." + parts[1] + ".");
        forged.put("payload edited under the old signature (admin role added)", parts[0] + "."
                + encode(with(claims, c -> {
                    ((ObjectNode) c.get("realm_access")).putArray("roles").add("admin").add("supervisor");
                    return c;
                }))
                + "." + parts[2]);
        forged.put("HS256 keyed with the realm's public key", hs256(claims, realmPublicKeyPem));
        forged.put("expired", signedByTheTestsKey(with(claims, c -> c.put("iat", now - 900).put("exp", now - 300))));
        forged.put("not yet valid", signedByTheTestsKey(
                with(claims, c -> c.put("iat", now + 3600).put("nbf", now + 3600).put("exp", now + 7200))));
        forged.put("another issuer (the master realm)", signedByTheTestsKey(
                with(claims, c -> c.put("iat", now).put("exp", now + 300).put("iss", masterIssuer))));
        forged.put("another audience", signedByTheTestsKey(
                with(claims, c -> c.put("iat", now).put("exp", now + 300).put("aud", "account"))));

        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (Map.Entry<String, String> token : forged.entrySet()) {
            for (Service service : Service.values()) {
                Response response = me(service, token.getValue());
                if (response.statusCode() == 401 && response.contentType().startsWith("application/problem+json")) {
                    refused++;
                } else {
                    accepted.add(token.getKey() + " at " + service.module() + ": " + response.statusCode());
                }
            }
        }
        System.out.printf("forged tokens: %d kinds x %d services: %d refused with 401 problem+json, %d otherwise;"
                + " the control signed with the trusted test key: accepted by all%n",
                forged.size(), Service.values().length, refused, accepted.size());
        assertThat(accepted).isEmpty();
    }

    private static Response me(Service service, String token) {
        return given().header("Authorization", "Bearer " + token).when().get(RunningSystem.get().url(service) + "/api/v1/me");
    }

    private static ObjectNode with(ObjectNode claims, UnaryOperator<ObjectNode> change) {
        return change.apply(claims.deepCopy());
    }

    private static String encode(Object json) throws Exception {
        return B64.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static String signedByTheTestsKey(ObjectNode claims) throws Exception {
        String input = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", trustedKid)) + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(trustedKey);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(rsa.sign());
    }

    private static String hs256(ObjectNode claims, String secret) throws Exception {
        String input = encode(Map.of("alg", "HS256", "typ", "JWT")) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
