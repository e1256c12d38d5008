package jp.tsunagu.platform.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** An act without a body (like a consent's withdrawal), for {@link Http2UpgradeTest}. */
@Path("/test/bodiless")
@PermitAll
public class BodilessResource {

    @POST
    public void act() {
    }
}
