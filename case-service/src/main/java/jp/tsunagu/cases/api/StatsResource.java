package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.cases.domain.ReportPeriod;
import jp.tsunagu.cases.service.StatsService;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Operation(summary = "Counts for a period (from and to inclusive, Tokyo days, at most 5 years)",
            description = "De-identified counts of the caller's center: cases opened in the period, open cases by phase"
                    + " (now), visits by outcome, crises, referrals by agency kind, ends of home visits by reason and"
                    + " closures in the period; a key missing from a map is zero. For a `center-system` caller counts"
                    + " from 1 to one less than `maskedBelow` (`tsunagu.reports.small-cell-threshold`, 10 by default, as"
                    + " Japan's NDB open data) are masked as null, so that an export cannot point at a person; zero never"
                    + " is. A supervisor of the center reads them unmasked (`maskedBelow` null).")
    public StatsService.Stats getStats(
            @Parameter(description = "The first day (Tokyo), YYYY-MM-DD", required = true) @QueryParam("from") LocalDate from,
            @Parameter(description = "The last day (Tokyo), included; within 5 years of from", required = true)
            @QueryParam("to") LocalDate to) {
        return stats.forPeriod(new ReportPeriod(from, to));
    }
}
