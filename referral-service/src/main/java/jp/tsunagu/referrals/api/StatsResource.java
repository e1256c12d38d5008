package jp.tsunagu.referrals.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.referrals.service.ReferralStats;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The center's referral statistics: how its referrals went, per agency and overall, for a regional
 * center's own system (center-system) and its supervisors. De-identified: counts and durations,
 * never a case id or a text. Supporters, peer supporters, partner agencies and admins get 403;
 * each center sees only its own referrals.
 */
@Path("/api/v1/stats")
@Tag(name = "stats", description = "De-identified referral statistics of the caller's center")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CENTER_SYSTEM, Roles.SUPERVISOR})
public class StatsResource {

    private final ReferralStats stats;

    StatsResource(ReferralStats stats) {
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Referral statistics of the caller's center for a period (center-system, supervisor)",
            description = "Counts only, per agency (agencyId, agencyKind): referrals sent in the period, accepted, rejected,"
                    + " completed, cancelled, failed; median and 90th percentile minutes from sending to the agency's first"
                    + " read, to its answer (accepted or rejected) and to completion; rejections by reason code. Overall:"
                    + " by status, by purpose, and inbound referrals received (and opened as a case). A referral counts in"
                    + " the period it was sent (requestedAt); drafts never sent are not counted; one entered in error only"
                    + " in byStatus. Only the caller's center's referrals; no case ids, names or texts.")
    public ReferralStats.Stats getReferralStats(
            @Parameter(description = "First day (Tokyo, YYYY-MM-DD); default: 364 days before to")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, inclusive (Tokyo, YYYY-MM-DD); default: today, or 364 days after from."
                    + " At most 5 years after from")
            @QueryParam("to") LocalDate to) {
        return stats.forPeriod(Optional.ofNullable(from), Optional.ofNullable(to));
    }
}
