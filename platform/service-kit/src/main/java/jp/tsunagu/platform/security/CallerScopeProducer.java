package jp.tsunagu.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** Makes the {@link CallerScope} of the current request from the token quarkus-oidc verified. */
@RequestScoped
public class CallerScopeProducer {

    public static final String CENTER_CLAIM = "center_id";
    public static final String AGENCY_CLAIM = "agency_id";

    private final SecurityIdentity identity;

    CallerScopeProducer(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Produces
    @RequestScoped
    CallerScope caller() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        return new CallerScope(token.getSubject(),
                Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getSubject()),
                Set.copyOf(identity.getRoles()),
                claim(token, CENTER_CLAIM), claim(token, AGENCY_CLAIM));
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", "")).filter(v -> !v.isBlank());
    }
}
