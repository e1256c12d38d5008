package jp.tsunagu.notifications.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The one call of Keycloak's admin REST API the e-mail channel makes ({@code GET users/{id}}), with
 * this service's own service account (OIDC client {@code directory}, as the platform's directory).
 * Only the address and whether the account is enabled are read: names are not even parsed.
 */
@RegisterRestClient(configKey = "tsunagu-directory")
@OidcClientFilter("directory")
@Path("/admin/realms/{realm}/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakEmails {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String email, Boolean enabled) {
    }

    @GET
    User user(@PathParam("realm") String realm, @PathParam("id") String id);
}
