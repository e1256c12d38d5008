package jp.tsunagu.visits.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.visits.domain.Cadence;
import jp.tsunagu.visits.security.VisitAccess;
import jp.tsunagu.visits.service.CadenceService;
import jp.tsunagu.visits.service.VisitQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The caller's schedule (mobile app) and the cadence watch so that nobody is forgotten. */
@Path("/api/v1")
@Tag(name = "watch")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
public class WatchResource {

    /** One case's cadence: days since the last visit and the last meeting, the due date, whether overdue. */
    public record CadenceView(UUID caseId, LocalDate lastVisitOn, Long daysSinceLastVisit, LocalDate lastMetOn,
                              Long daysSinceLastMet, int notMetStreak, Integer intervalDays, LocalDate dueOn,
                              boolean overdue, long daysOverdue) {
        static CadenceView of(Cadence c, LocalDate today) {
            return new CadenceView(c.caseId, c.lastVisitOn, c.lastVisitOn == null ? null
                    : ChronoUnit.DAYS.between(c.lastVisitOn, today), c.lastMetOn, c.lastMetOn == null ? null
                    : ChronoUnit.DAYS.between(c.lastMetOn, today), c.notMetStreak, c.intervalDays, c.dueOn,
                    c.isOverdue(today), c.daysOverdue(today));
        }
    }

    private final VisitQueries queries;
    private final CadenceService cadence;
    private final VisitAccess access;

    WatchResource(VisitQueries queries, CadenceService cadence, VisitAccess access) {
        this.queries = queries;
        this.cadence = cadence;
        this.access = access;
    }

    @GET
    @Path("schedule")
    @Operation(summary = "The caller's upcoming visits between from and to (default: the next 14 days)")
    public VisitBodies.Schedule getSchedule(@QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to) {
        Instant start = from == null ? Instant.now() : from.toInstant();
        Instant end = to == null ? start.plus(Duration.ofDays(14)) : to.toInstant();
        if (!end.isAfter(start) || Duration.between(start, end).toDays() > 366) {
            throw new InvalidRequestException("to", "must be after from, within a year");
        }
        return new VisitBodies.Schedule(queries.schedule(start, end).stream()
                .map(v -> VisitMapper.view(v, access.seesNotesOf(v))).toList());
    }

    @GET
    @Path("cadence")
    @Operation(summary = "Per case: last visit, last met, not-met streak, due date, overdue; soonest due first")
    public Page<CadenceView> listCadence(@QueryParam("overdue") Boolean overdue, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        LocalDate today = Tokyo.today();
        return cadence.list(Boolean.TRUE.equals(overdue), today, PageRequest.of(limit, cursor))
                .map(c -> CadenceView.of(c, today));
    }
}
