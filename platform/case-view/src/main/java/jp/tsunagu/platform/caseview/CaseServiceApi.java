package jp.tsunagu.platform.caseview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.events.cases.CaseAccessScope;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * case-service's endpoint for the other services, with this service's own client-credentials
 * token (the OIDC client filter acquires and renews it). Use it through {@link CaseServiceClient}.
 */
@RegisterRestClient(configKey = "case-service")
@OidcClientFilter
@Path("/api/v1/cases")
public interface CaseServiceApi {

    /** The case's access scope; a case case-service does not know is a 404 (an exception here). */
    @GET
    @Path("{id}/access-scope")
    @Produces(MediaType.APPLICATION_JSON)
    CaseAccessScope accessScope(@PathParam("id") UUID caseId);

    /** A tolerant reader: case-service may add fields to its answer before every client knows them. */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultMapper) {
        return defaultMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
