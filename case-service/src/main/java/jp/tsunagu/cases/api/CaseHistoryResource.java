package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.cases.domain.TimelineEntry;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.service.AccessLog;
import jp.tsunagu.cases.service.TimelineService;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditOutcome;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The story of a case (timeline) and who read or changed it (access log, supervisors). */
@Path("/api/v1/cases/{id}")
@Tag(name = "history")
@Produces(MediaType.APPLICATION_JSON)
public class CaseHistoryResource {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TimelineItem(UUID id, OffsetDateTime occurredAt, TimelineKind kind, UUID refId,
                               Map<String, Object> attributes) {
        static TimelineItem of(TimelineEntry e) {
            return new TimelineItem(e.id, Tokyo.offset(e.occurredAt), e.kind, e.refId, e.attributes);
        }
    }

    /**
     * One act on the case or one of its objects ({@code objectType} {@code case}, {@code visit}, ...),
     * and the service that served it ({@code service}: case-service, or another service that shared it).
     */
    public record AccessLogItem(long id, OffsetDateTime occurredAt, String actorId, String actorRoles, String action,
                                String objectType, String objectId, String service, AuditOutcome outcome,
                                String requestId, String remoteAddress) {
        static AccessLogItem of(AuditEntry e) {
            return new AccessLogItem(e.id, Tokyo.offset(e.occurredAt), e.actorId, e.actorRoles, e.action, e.objectType,
                    e.objectId, e.source == null ? "case-service" : e.source, e.outcome, e.requestId, e.remoteAddress);
        }
    }

    private final TimelineService timeline;
    private final AccessLog accessLog;

    CaseHistoryResource(TimelineService timeline, AccessLog accessLog) {
        this.timeline = timeline;
        this.accessLog = accessLog;
    }

    @GET
    @Path("timeline")
    @RolesAllowed({Roles.SUPPORTER, Roles.SUPERVISOR, Roles.PEER_SUPPORTER})
    @Operation(summary = "The case's story, oldest first: its own changes and the visits and referrals it learned of")
    public Page<TimelineItem> getTimeline(@PathParam("id") UUID caseId, @QueryParam("limit") Integer limit,
                                       @QueryParam("cursor") String cursor) {
        return timeline.timeline(caseId, PageRequest.of(limit, cursor)).map(TimelineItem::of);
    }

    @GET
    @Path("access-log")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Who read or changed the case or any of its objects, newest first, whichever service served it; refused attempts as DENIED (supervisors)")
    public Page<AccessLogItem> getAccessLog(@PathParam("id") UUID caseId, @QueryParam("limit") Integer limit,
                                         @QueryParam("cursor") String cursor) {
        return accessLog.of(caseId, PageRequest.of(limit, cursor)).map(AccessLogItem::of);
    }
}
