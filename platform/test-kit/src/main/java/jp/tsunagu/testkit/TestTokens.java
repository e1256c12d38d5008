package jp.tsunagu.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * RS256 access tokens signed by a key made for this test JVM, carrying the claims the realm's
 * mappers put in Keycloak's tokens (realm_access.roles, center_id, agency_id, sub,
 * preferred_username, aud tsunagu-api). Services verify them with the public key, as they verify
 * Keycloak's against its JWKS.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test.tsunagu.invalid/realms/tsunagu";
    public static final String AUDIENCE = "tsunagu-api";

    private static final KeyPair KEYS = generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {
    }

    /** The public key, base64 of its X.509 encoding, as {@code quarkus.oidc.public-key} takes it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static Builder user(String username) {
        return new Builder(username);
    }

    /** Demo-like callers used across the tests. */
    public static String supporter(String center) {
        return user(center + "-supporter").roles("supporter").center(center).token();
    }

    public static String supervisor(String center) {
        return user(center + "-supervisor").roles("supervisor").center(center).token();
    }

    public static String partnerAgency(String agencyId) {
        return user("service-account-" + agencyId).roles("partner-agency").agency(agencyId).token();
    }

    public static final class Builder {
        private final String username;
        private String subject;
        private List<String> roles = List.of();
        private Optional<String> center = Optional.empty();
        private Optional<String> agency = Optional.empty();
        private String issuer = ISSUER;
        private Instant expiresAt = Instant.now().plusSeconds(600);
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private Builder(String username) {
            this.username = username;
            this.subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder center(String center) {
            this.center = Optional.of(center);
            return this;
        }

        public Builder agency(String agency) {
            this.agency = Optional.of(agency);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Another claim, e.g. {@code azp}: the client Keycloak issued the token to. */
        public Builder claim(String name, Object value) {
            extraClaims.put(name, value);
            return this;
        }

        public String subject() {
            return subject;
        }

        public String username() {
            return username;
        }

        public List<String> roles() {
            return roles;
        }

        public Optional<String> center() {
            return center;
        }

        public String token() {
            Map<String, Object> claims = new LinkedHashMap<>();
            Instant now = Instant.now();
            claims.put("iss", issuer);
            claims.put("sub", subject);
            claims.put("aud", AUDIENCE);
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", expiresAt.getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("typ", "Bearer");
            claims.put("preferred_username", username);
            claims.put("realm_access", Map.of("roles", roles));
            center.ifPresent(c -> claims.put("center_id", c));
            agency.ifPresent(a -> claims.put("agency_id", a));
            claims.putAll(extraClaims);
            return sign(claims);
        }
    }

    private static String sign(Map<String, Object> claims) {
        try {
            String header = encode(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = encode(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEYS.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
