package jp.tsunagu.platform.directory;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * Keycloak's admin API for who holds a realm role directly, a page at a time, with the service
 * account's token (like {@link KeycloakUsers}; the same fields only are read).
 */
@RegisterRestClient(configKey = "tsunagu-directory")
@OidcClientFilter("directory")
@Path("/admin/realms/{realm}/roles/{role}/users")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakRoleMembers {

    /** Full representations ({@code briefRepresentation=false}): the brief ones lack the attributes (the center). */
    @GET
    List<KeycloakUsers.User> holders(@PathParam("realm") String realm, @PathParam("role") String role,
                                     @QueryParam("first") int first, @QueryParam("max") int max,
                                     @QueryParam("briefRepresentation") boolean briefRepresentation);
}
