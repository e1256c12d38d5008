package jp.tsunagu.platform.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * The two calls of Keycloak's admin REST API the directory makes, with the service account's token
 * (OIDC client {@code directory}, client credentials). Only the fields below are read from the
 * answers: names are not even parsed; the e-mail address only for {@link UserDirectory#emailOf}.
 */
@RegisterRestClient(configKey = "tsunagu-directory")
@OidcClientFilter("directory")
@Path("/admin/realms/{realm}/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakUsers {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, Boolean enabled, String email, Map<String, List<String>> attributes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String name) {
    }

    @GET
    User user(@PathParam("realm") String realm, @PathParam("id") String id);

    /** The user's effective realm roles, composites (default roles, groups) resolved. */
    @GET
    @Path("role-mappings/realm/composite")
    List<Role> realmRoles(@PathParam("realm") String realm, @PathParam("id") String id);
}
