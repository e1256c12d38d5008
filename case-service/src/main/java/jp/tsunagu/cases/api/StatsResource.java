package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.cases.service.StatsService;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/** De-identified counts of the caller's center for a period (center systems and supervisors). */
@Path("/api/v1/stats")
@Tag(name = "stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CENTER_SYSTEM, Roles.SUPERVISOR})
public class StatsResource {

    private final StatsService stats;

    StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Counts for a period (from and to inclusive, Tokyo days)")
    public StatsService.Stats stats(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new InvalidRequestException("to", "must be on or after from, within 5 years");
        }
        return stats.forPeriod(from, to);
    }
}
