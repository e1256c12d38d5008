package jp.tsunagu.bench.bare;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** The one endpoint: a token verified, one query, a JSON answer, as the smallest request of a service. */
@Path("/hello")
@Authenticated
public class Hello {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> hello() {
        return Map.of("marks", Mark.count());
    }
}
