package jp.tsunagu.system;

import io.restassured.response.Response;
import jp.tsunagu.local.Infrastructure;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak stopped: the services keep verifying the tokens they can (with the realm's keys they
 * hold), and answer 401 problem+json, never a 500, for a token they cannot: one signed with a
 * key they do not know (which makes them try to fetch the keys again, from a Keycloak that is
 * not there) and one that is no token at all. Keycloak is started again afterwards.
 */
class KeycloakDownSystemTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void tokensTheServicesCanVerifyStillWorkAndTheRestAre401() throws Exception {
        String token = Logins.password(Workload.SUPPORTER);
        for (Service service : Service.values()) {
            me(service, token).then().statusCode(200); // each service holds the realm's keys now
        }
        String unknownKey = signedByAnUnknownKey(token);
        Infrastructure infrastructure = RunningSystem.get().infrastructure();
        List<String> wrong = new ArrayList<>();
        int verified = 0;
        int refused = 0;
        infrastructure.stopKeycloak();
        try {
            for (Service service : Service.values()) {
                Response valid = me(service, token);
                if (valid.statusCode() == 200) {
                    verified++;
                } else {
                    wrong.add(service.module() + " valid token: " + valid.statusCode());
                }
                for (String bad : List.of(unknownKey, "not-a-token")) {
                    Response answer = me(service, bad);
                    if (answer.statusCode() == 401 && answer.contentType().startsWith("application/problem+json")) {
                        refused++;
                    } else {
                        wrong.add(service.module() + " unverifiable token: " + answer.statusCode());
                    }
                }
            }
        } finally {
            infrastructure.startKeycloak();
        }
        System.out.printf("Keycloak down: %d of %d services verified a valid token with the keys they hold;"
                        + " %d of %d unverifiable tokens refused with 401 problem+json; otherwise: %s%n",
                verified, Service.values().length, refused, 2 * Service.values().length, wrong);
        assertThat(wrong).isEmpty();
        for (Service service : Service.values()) {
            me(service, Logins.password(Workload.SUPPORTER)).then().statusCode(200);
        }
    }

    private static Response me(Service service, String token) {
        return given().header("Authorization", "Bearer " + token).when().get(RunningSystem.get().url(service) + "/api/v1/me");
    }

    /** The real token's claims under the signature of a key nobody knows, with a key id nobody has seen. */
    private static String signedByAnUnknownKey(String token) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"unknown-key\"}"
                .getBytes(StandardCharsets.UTF_8));
        String input = header + "." + token.split("\\.")[1];
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(rsa.sign());
    }
}
